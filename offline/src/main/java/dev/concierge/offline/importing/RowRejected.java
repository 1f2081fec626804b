package dev.concierge.offline.importing;

import dev.concierge.models.SafeText;

/**
 * Why a row becomes no event: it is bad (a value that does not read), or a rule of its format leaves
 * it out (a cancelled invoice line). The reason is the same for every row it fits, so that rows group
 * by it; the offending value, if any, goes beside the row's line number. Thrown per row and caught by
 * the import, so it carries no stack trace.
 */
public final class RowRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Enough of a value to recognise it in the file. */
  private static final int VALUE_CHARACTERS = 40;

  private final boolean bad;
  private final String value;

  private RowRejected(String reason, boolean bad, String value) {
    super(reason, null, false, false);
    this.bad = bad;
    this.value = value;
  }

  /** A row with a value that does not read; {@code value} is quoted beside its line number. */
  static RowRejected bad(String reason, String value) {
    return new RowRejected(reason, true, SafeText.of(value, VALUE_CHARACTERS));
  }

  /** A row that is not what its reason names: too few columns, an unclosed quote. */
  static RowRejected bad(String reason) {
    return new RowRejected(reason, true, null);
  }

  /** A readable row that its format's rules leave out, such as a cancellation. */
  static RowRejected leftOut(String reason) {
    return new RowRejected(reason, false, null);
  }

  public String reason() {
    return getMessage();
  }

  public boolean bad() {
    return bad;
  }

  /** Where the row is, for the summary: {@code line 17} or {@code line 17: 'abc'}. */
  String where(long line) {
    return value == null ? "line " + line : "line " + line + ": '" + value + "'";
  }
}
