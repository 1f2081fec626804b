package dev.concierge.offline.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each role's column is in the rows of one file, found from the header, from the columns the
 * user named ({@code --map}), or from the format's positions.
 */
public final class Columns {

  private static final int COLUMN_NUMBER_BASE = 1;

  private final Map<Role, Integer> index;
  private final String description;
  private final int width;

  private Columns(Map<Role, Integer> index, String description) {
    this.index = index;
    this.description = description;
    this.width = index.values().stream().mapToInt(i -> i + 1).max().orElse(0);
  }

  /**
   * A header that names none of the layout's columns (a header the user says is one) leaves the
   * columns at the format's positions.
   *
   * @param named    columns the user named, by role: a header name, or a column number from 1
   * @param header   the header's fields, or null for a file without one
   * @param widest   the widest row of the first lines: a role whose position is beyond it is absent
   * @throws IllegalArgumentException when a required column is missing, or a named one is not there
   */
  static Columns bind(Layout layout, Map<Role, String> named, String[] header, String[] widest) {
    boolean byName = header != null && namesAColumn(layout, Map.of(), header);
    Map<Role, Integer> index = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      if (!layout.reads(role)) {
        continue;
      }
      int column = named.containsKey(role)
          ? namedColumn(role, named.get(role), header)
          : byName ? headerColumn(role, header) : position(layout, role, widest);
      if (column >= 0) {
        index.put(role, column);
      } else if (layout.required().contains(role)) {
        throw new IllegalArgumentException(missing(role, header, layout.positions().containsKey(role), widest));
      }
    }
    return new Columns(index, describe(index, header));
  }

  /** True if {@code row} names a column of the layout, or one the user named: it is a header, not data. */
  static boolean namesAColumn(Layout layout, Map<Role, String> named, String[] row) {
    for (String field : row) {
      for (Role role : Role.values()) {
        String name = named.get(role);
        boolean namedByUser = name != null && !isColumnNumber(name) && name.strip().equalsIgnoreCase(field.strip());
        if (layout.reads(role) && (namedByUser || role.rank(field) >= 0)) {
          return true;
        }
      }
    }
    return false;
  }

  boolean has(Role role) {
    return index.containsKey(role);
  }

  /**
   * The role's cell of {@code row}, or null when the file has no such column.
   *
   * @throws RowRejected when the row is too short to hold every column read
   */
  String text(String[] row, Role role) {
    if (row.length < width) {
      throw RowRejected.bad("the row has fewer columns than " + width);
    }
    Integer column = index.get(role);
    return column == null ? null : row[column];
  }

  /** For the summary: {@code customer=userId (column 1), item=movieId (column 2)}. */
  public String describe() {
    return description;
  }

  private static int position(Layout layout, Role role, String[] widest) {
    int position = layout.positions().getOrDefault(role, -1);
    return position < widest.length ? position : -1;
  }

  /** {@code customer=userId (column 1), item=movieId (column 2)}, in column order. */
  private static String describe(Map<Role, Integer> index, String[] header) {
    List<String> description = new ArrayList<>();
    index.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(bound -> {
      int column = bound.getValue();
      description.add(bound.getKey().label() + "=" + (header != null && column < header.length
          ? header[column].strip() + " (column " + (column + COLUMN_NUMBER_BASE) + ")"
          : "column " + (column + COLUMN_NUMBER_BASE)));
    });
    return String.join(", ", description);
  }

  private static int namedColumn(Role role, String name, String[] header) {
    String wanted = name.strip();
    if (isColumnNumber(wanted)) {
      int number;
      try {
        number = Integer.parseInt(wanted);
      } catch (NumberFormatException e) {
        number = 0;
      }
      if (number < COLUMN_NUMBER_BASE) {
        throw new IllegalArgumentException("the column of " + role.label() + " is " + wanted
            + "; columns are numbered from 1");
      }
      return number - COLUMN_NUMBER_BASE;
    }
    if (header == null) {
      throw new IllegalArgumentException("the column of " + role.label() + " is named '" + wanted
          + "', but the file has no header; give its number (from 1), or pass --header");
    }
    for (int i = 0; i < header.length; i++) {
      if (header[i].strip().equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the column of " + role.label() + " is named '" + wanted
        + "', but the header has no such column; it has " + String.join(", ", header));
  }

  private static boolean isColumnNumber(String name) {
    String text = name.strip();
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int headerColumn(Role role, String[] header) {
    int best = -1;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i < header.length; i++) {
      int rank = role.rank(header[i]);
      if (rank >= 0 && rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  private static String missing(Role role, String[] header, boolean hasPosition, String[] widest) {
    String where = header != null ? " in the header (" + String.join(", ", header) + ")"
        : hasPosition ? " (the first rows have " + widest.length + " columns)" : "";
    return "no column for " + role.label() + where + "; name it with --map " + role.label() + "=COLUMN";
  }

}
