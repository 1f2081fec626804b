package dev.concierge.offline.importing;

import dev.concierge.offline.replay.InvalidTally;
import dev.concierge.offline.replay.LineReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one delimited text file (gzip-compressed if its name ends in {@code .gz}) in one format into
 * events. The delimiter and whether the first line is a header are told from the first lines unless
 * given. Every non-blank line after the header is a row; a row that gives no event is counted by
 * reason, with its line number, and the import goes on.
 */
public final class CsvImport {

  private static final int GZIP_BUFFER_BYTES = 1 << 16;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * How to read the file.
   *
   * @param delimiter the delimiter, or null to tell it from the first lines
   * @param header    whether the first line is a header, or null to tell it from its names
   */
  public record Options(Delimiter delimiter, Boolean header, TimeReader times, Charset charset) {}

  private final ImportFormat format;
  private final Options options;
  private final ImportSettings settings;
  private final EventTable table = new EventTable();
  private final InvalidTally bad;
  private final InvalidTally leftOut;
  private long rowsRead;

  private CsvImport(ImportFormat format, Options options, ImportSettings settings) {
    this.format = format;
    this.options = options;
    this.settings = settings;
    this.bad = new InvalidTally(settings.examplesPerReason());
    this.leftOut = new InvalidTally(settings.examplesPerReason());
  }

  /**
   * @param bytesRead told the bytes of the file read so far, as it goes (compressed bytes of a .gz)
   * @throws IllegalArgumentException when the file does not fit the options: no delimiter splits it, a
   *     column is missing
   */
  public static ImportResult read(
      Path file, ImportFormat format, Options options, ImportSettings settings, LongConsumer bytesRead)
      throws IOException {
    try (CountingInput counted = new CountingInput(Files.newInputStream(file));
        LineReader lines = new LineReader(
            file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(counted, GZIP_BUFFER_BYTES) : counted,
            settings.maxLineBytes())) {
      return new CsvImport(format, options, settings).read(lines, () -> bytesRead.accept(counted.bytes));
    }
  }

  private ImportResult read(LineReader lines, Runnable progress) throws IOException {
    List<NumberedLine> sample = new ArrayList<>();
    while (sample.size() < settings.sniffLines() && lines.next()) {
      NumberedLine line = decoded(lines);
      if (line != null) {
        sample.add(line);
      }
    }
    if (sample.isEmpty()) {
      return result("nothing to read: the file has no rows");
    }
    Delimiter delimiter = options.delimiter() != null
        ? options.delimiter()
        : Delimiter.sniff(sample.stream().map(NumberedLine::text).toList(), settings.sniffAgreement());
    String[] first = splitOrNull(delimiter, sample.get(0).text());
    boolean header = options.header() != null
        ? options.header()
        : first != null && Columns.namesAColumn(format.layout(), format.named(), first);
    if (header && first == null) {
      throw new IllegalArgumentException("the header (line " + sample.get(0).number() + ") does not split on "
          + delimiter.describe() + ": a quoted name is not closed");
    }
    Columns columns = Columns.bind(format.layout(), format.named(), header ? first : null, widest(delimiter, sample));
    RowConverter converter = format.converter(columns, options.times());
    for (int i = header ? 1 : 0; i < sample.size(); i++) {
      convert(converter, delimiter, sample.get(i));
    }
    while (lines.next()) {
      NumberedLine line = decoded(lines);
      if (line != null) {
        convert(converter, delimiter, line);
      }
      progress.run();
    }
    progress.run();
    return result(String.format(Locale.ROOT, "read as %s: delimiter %s, %s; columns %s; times %s",
        format.describe(), delimiter.describe(), header ? "a header" : "no header", columns.describe(),
        columns.has(Role.TIMESTAMP) ? options.times().describe() : "by row order"));
  }

  /** The line as text, or null for a blank line or one too long to keep (then a bad row). */
  private NumberedLine decoded(LineReader lines) {
    if (lines.tooLong()) {
      rowsRead++;
      bad.add("line " + lines.number(), "line longer than " + settings.maxLineBytes() + " bytes");
      return null;
    }
    if (lines.isBlank()) {
      return null;
    }
    String text = new String(lines.buffer(), lines.start(), lines.length(), options.charset());
    if (lines.number() == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    return new NumberedLine(text, lines.number());
  }

  private void convert(RowConverter converter, Delimiter delimiter, NumberedLine line) {
    rowsRead++;
    try {
      table.add(converter.convert(delimiter.split(line.text()), line.number()), line.number());
    } catch (RowRejected rejected) {
      (rejected.bad() ? bad : leftOut).add(rejected.where(line.number()), rejected.reason());
    }
  }

  /** The sample's row of the most columns, so that a short first row does not hide a column. */
  private static String[] widest(Delimiter delimiter, List<NumberedLine> sample) {
    String[] widest = new String[0];
    for (NumberedLine line : sample) {
      String[] row = splitOrNull(delimiter, line.text());
      if (row != null && row.length > widest.length) {
        widest = row;
      }
    }
    return widest;
  }

  private static String[] splitOrNull(Delimiter delimiter, String line) {
    try {
      return delimiter.split(line);
    } catch (RowRejected unclosedQuote) {
      return null;
    }
  }

  private ImportResult result(String reading) {
    return new ImportResult(reading, rowsRead, table, bad.summary(), leftOut.summary());
  }

  private record NumberedLine(String text, long number) {}

  /** Counts the bytes read through it, for the progress. */
  private static final class CountingInput extends FilterInputStream {
    private long bytes;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        bytes += read;
      }
      return read;
    }
  }
}
