package dev.concierge.models;

import java.util.Optional;

/**
 * What an id may be, for customers, items, events and sessions alike: 1 to {@value #MAX_LENGTH}
 * characters, each a letter, a digit or one of {@code . _ - : @}. Ids go into URLs, Kafka keys,
 * journal rows and logs, so nothing else gets in: no spaces, no control characters, no slashes.
 */
public final class Identifiers {

  public static final int MAX_LENGTH = 128;
  private static final String PUNCTUATION = "._-:@";

  private Identifiers() {}

  /** What is wrong with the id, said for the field it came in; empty when it is a valid id. */
  public static Optional<String> problem(String field, String id) {
    if (id.isEmpty() || id.length() > MAX_LENGTH) {
      return Optional.of("field '" + field + "' must be 1 to " + MAX_LENGTH + " characters long, not "
          + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isIdCharacter(c)) {
        return Optional.of("field '" + field + "' may hold only letters, digits and " + PUNCTUATION
            + "; character " + (i + 1) + " is " + describe(c));
      }
    }
    return Optional.empty();
  }

  private static boolean isIdCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PUNCTUATION.indexOf(c) >= 0;
  }

  // the character as code point, never the raw character: it goes into messages and logs
  private static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }
}
