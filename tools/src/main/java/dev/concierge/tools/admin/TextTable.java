package dev.concierge.tools.admin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows printed under headers in aligned columns, numbers right-aligned, for a terminal. */
final class TextTable {

  private static final String GAP = "  ";

  record Column(String header, boolean rightAligned) {

    static Column left(String header) {
      return new Column(header, false);
    }

    static Column right(String header) {
      return new Column(header, true);
    }
  }

  private final List<Column> columns;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(Column... columns) {
    this.columns = List.of(columns);
  }

  TextTable add(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns.size());
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  void print(PrintStream out) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).header().length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(line(columns.stream().map(Column::header).toList(), widths));
    rows.forEach(row -> out.println(line(row, widths)));
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      line.append(i == 0 ? "" : GAP).append(columns.get(i).rightAligned() ? padding + cell : cell + padding);
    }
    return line.toString().stripTrailing();
  }
}
