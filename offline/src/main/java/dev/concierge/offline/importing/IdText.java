package dev.concierge.offline.importing;

import dev.concierge.models.Identifiers;
import java.util.Locale;

/**
 * Turns the ids of public data sets into ids of the event contract (letters, digits and
 * {@code . _ - : @}, at most {@value Identifiers#MAX_LENGTH} characters), so that distinct ids stay
 * distinct:
 *
 * <ul>
 *   <li>spaces around the id are dropped;
 *   <li>a whole number written as a decimal, as spreadsheets and data frames write ids
 *       ({@code 17850.0}), loses its zero fraction;
 *   <li>any other character, and {@code @} itself, is written as {@code @} and its four hex digits
 *       ({@code BANK CHARGES} becomes {@code BANK@0020CHARGES}).
 * </ul>
 */
public final class IdText {

  private static final char ESCAPE = '@';
  private static final String PUNCTUATION = "._-:";
  private static final int HEX_DIGITS = 4;

  private IdText() {}

  /**
   * The contract id for {@code raw}.
   *
   * @param what the column's role, for the reason: "customer", "item"
   * @throws RowRejected when the id is empty or too long
   */
  public static String of(String raw, String what) {
    String text = withoutZeroFraction(raw.strip());
    if (text.isEmpty()) {
      throw RowRejected.bad("no " + what + " id");
    }
    StringBuilder id = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isKept(c)) {
        if (id != null) {
          id.append(c);
        }
      } else {
        if (id == null) {
          id = new StringBuilder(text.length() + HEX_DIGITS * 2).append(text, 0, i);
        }
        id.append(ESCAPE).append(String.format(Locale.ROOT, "%04X", (int) c));
      }
    }
    String result = id == null ? text : id.toString();
    if (result.length() > Identifiers.MAX_LENGTH) {
      throw RowRejected.bad(what + " id longer than " + Identifiers.MAX_LENGTH + " characters", raw);
    }
    return result;
  }

  private static boolean isKept(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PUNCTUATION.indexOf(c) >= 0;
  }

  /** {@code 17850.0} as {@code 17850}; anything else as it is. */
  private static String withoutZeroFraction(String text) {
    int dot = text.indexOf('.');
    if (dot < 1 || dot == text.length() - 1) {
      return text;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean fits = i < dot ? c >= '0' && c <= '9' : i == dot || c == '0';
      if (!fits) {
        return text;
      }
    }
    return text.substring(0, dot);
  }
}
