package dev.concierge.models;

/**
 * Client text made fit to repeat in an error message, a dead-letter reason or a log line: control
 * and non-ASCII characters become {@code \\uXXXX}, and long text is cut, so that nothing a client
 * sends can forge a log line or smuggle terminal escapes.
 */
public final class SafeText {

  public static final int MAX_CHARACTERS = 80;
  private static final char FIRST_PRINTABLE = ' ';
  private static final char LAST_PRINTABLE = '~';

  private SafeText() {}

  public static String of(String text) {
    return of(text, MAX_CHARACTERS);
  }

  /** As {@link #of(String)}, cut after {@code maxCharacters}. */
  public static String of(String text, int maxCharacters) {
    int shown = Math.min(text.length(), maxCharacters);
    StringBuilder safe = new StringBuilder(shown + 8);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c >= FIRST_PRINTABLE && c <= LAST_PRINTABLE && c != '\\') {
        safe.append(c);
      } else {
        safe.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > shown) {
      safe.append("... (").append(text.length()).append(" characters)");
    }
    return safe.toString();
  }
}
