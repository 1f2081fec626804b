package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void printableAsciiIsKept() {
    assertEquals("view, click & purchase", SafeText.of("view, click & purchase"));
  }

  @Test
  void newlinesControlCharactersAndNonAsciiAreEscapedSoTheyCannotForgeALogLine() {
    assertEquals("a\\u000a2026-11-26 INFO forged", SafeText.of("a\n2026-11-26 INFO forged"));
    assertEquals("\\u001b[31mred", SafeText.of("\u001b[31mred"));
    assertEquals("caf\\u00e9", SafeText.of("caf\u00e9"));
    assertEquals("back\\u005cslash", SafeText.of("back\\slash"));
  }

  @Test
  void longTextIsCutAndSaysHowLongItWas() {
    String cut = SafeText.of("x".repeat(1_000));

    assertEquals("x".repeat(SafeText.MAX_CHARACTERS) + "... (1000 characters)", cut);
  }
}
