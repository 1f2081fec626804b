package dev.concierge.offline.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What separates the columns of a delimited text file, and how a line splits on it. A field may be
 * quoted with {@code "}, so that it can hold the delimiter; {@code ""} inside it is one quote, as in
 * RFC 4180. Text after a closing quote belongs to the field, as most CSV writers' readers take it. A
 * field cannot span lines: a quote still open at the end of the line makes the row bad.
 */
public record Delimiter(String text) {

  /** The delimiters the public data sets use, in the order a tie is settled. */
  static final List<Delimiter> CANDIDATES =
      List.of(new Delimiter("::"), new Delimiter("\t"), new Delimiter(","), new Delimiter(";"), new Delimiter("|"));

  private static final char QUOTE = '"';
  private static final int MIN_COLUMNS = 2;

  public Delimiter {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("a delimiter is at least one character");
    }
    if (text.indexOf(QUOTE) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a delimiter cannot hold a quote or a line break");
    }
  }

  /** {@code tab} for a tab, else the delimiter in quotes: for a person. */
  public String describe() {
    return "\t".equals(text) ? "tab" : "'" + text + "'";
  }

  /** The fields of one line, unquoted and untrimmed. */
  String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int length = line.length();
    while (true) {
      field.setLength(0);
      if (i < length && line.charAt(i) == QUOTE) {
        i = quoted(line, i + 1, field);
      }
      int next = line.indexOf(text, i);
      int end = next < 0 ? length : next;
      field.append(line, i, end);
      fields.add(field.toString());
      if (next < 0) {
        return fields.toArray(String[]::new);
      }
      i = next + text.length();
    }
  }

  /** Appends the quoted field that starts at {@code from}, after its opening quote; returns where it ends. */
  private static int quoted(String line, int from, StringBuilder field) {
    int i = from;
    while (true) {
      int quote = line.indexOf(QUOTE, i);
      if (quote < 0) {
        throw RowRejected.bad("a quoted field is not closed on its line");
      }
      field.append(line, i, quote);
      if (quote + 1 < line.length() && line.charAt(quote + 1) == QUOTE) {
        field.append(QUOTE);
        i = quote + 2;
      } else {
        return quote + 1;
      }
    }
  }

  /**
   * The candidate that splits the sample lines most consistently: of those whose most common column
   * count is at least 2 and shared by at least {@code agreement} of the lines, the one shared by the
   * most lines, then the one of the most columns, then the earliest candidate.
   *
   * @throws IllegalArgumentException when no candidate fits
   */
  static Delimiter sniff(List<String> sample, double agreement) {
    Delimiter best = null;
    Split bestSplit = new Split(0, 0);
    for (Delimiter candidate : CANDIDATES) {
      Split split = candidate.commonSplit(sample);
      boolean fits = split.columns() >= MIN_COLUMNS && split.lines() >= agreement * sample.size();
      if (fits && split.isBetterThan(bestSplit)) {
        best = candidate;
        bestSplit = split;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("cannot tell the delimiter from the first " + sample.size()
          + " lines (tried " + describeAll() + "); pass --delimiter");
    }
    return best;
  }

  /** The most common column count of the lines, and how many lines have it. */
  private record Split(int columns, int lines) {
    boolean isBetterThan(Split other) {
      return lines > other.lines || (lines == other.lines && columns > other.columns);
    }
  }

  private Split commonSplit(List<String> sample) {
    Map<Integer, Integer> linesByColumns = new HashMap<>();
    for (String line : sample) {
      int columns;
      try {
        columns = split(line).length;
      } catch (RowRejected unclosedQuote) {
        columns = 0;
      }
      linesByColumns.merge(columns, 1, Integer::sum);
    }
    Split common = new Split(0, 0);
    for (Map.Entry<Integer, Integer> entry : linesByColumns.entrySet()) {
      Split split = new Split(entry.getKey(), entry.getValue());
      if (split.isBetterThan(common)) {
        common = split;
      }
    }
    return common;
  }

  private static String describeAll() {
    StringBuilder names = new StringBuilder();
    for (Delimiter candidate : CANDIDATES) {
      names.append(names.length() == 0 ? "" : ", ").append(candidate.describe());
    }
    return names.toString();
  }
}
