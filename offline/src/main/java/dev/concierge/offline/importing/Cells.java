package dev.concierge.offline.importing;

/** The numbers of a row's cells: ratings, prices, quantities. A cell that is no such number makes the row bad. */
final class Cells {

  private Cells() {}

  /**
   * A finite decimal number such as {@code 4}, {@code 3.5}, {@code -2} or {@code 1e3}: what a CSV
   * writes, and not the names {@link Double#parseDouble} also takes ({@code NaN}, {@code Infinity},
   * hexadecimal, a trailing {@code d}).
   *
   * @param what the column's role, for the reason
   */
  static double number(String raw, String what) {
    String text = raw.strip();
    if (!looksDecimal(text)) {
      throw RowRejected.bad(what + " is not a number", raw);
    }
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, as any other text that is no number
    }
    throw RowRejected.bad(what + " is not a number", raw);
  }

  /** A whole number that fits an int, such as {@code 6}, {@code -1} or {@code 6.0}. */
  static int wholeNumber(String raw, String what) {
    double value = number(raw, what);
    if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw RowRejected.bad(what + " is not a whole number", raw);
    }
    return (int) value;
  }

  private static boolean looksDecimal(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }
}
