package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static final int LIMIT = 1 << 20;

  @Test
  void splitsOnNewlinesAndDropsTheCarriageReturnOfWindowsLineEnds() throws IOException {
    assertEquals(List.of("a", "", "b", "c"), lines("a\n\r\nb\r\nc", LIMIT));
  }

  @Test
  void anEmptyInputHasNoLinesAndAFinalNewlineAddsNone() throws IOException {
    assertEquals(List.of(), lines("", LIMIT));
    assertEquals(List.of("a"), lines("a\n", LIMIT));
  }

  @Test
  void linesLongerThanTheReadBufferComeWhole() throws IOException {
    String longLine = "x".repeat(300_000);

    assertEquals(List.of("a", longLine, "b"), lines("a\n" + longLine + "\nb", LIMIT));
  }

  @Test
  void aLineOverTheLimitIsReportedAndTheNextLineIsReadNormally() throws IOException {
    int limit = 1 << 17;
    String input = "a\n" + "x".repeat(limit * 3) + "\nb\n" + "y".repeat(limit * 2);
    try (LineReader reader = reader(input, limit)) {
      assertTrue(reader.next());
      assertFalse(reader.tooLong());
      assertTrue(reader.next());
      assertTrue(reader.tooLong());
      assertEquals(2, reader.number());
      assertTrue(reader.next());
      assertEquals("b", text(reader));
      assertFalse(reader.tooLong());
      assertTrue(reader.next());
      assertTrue(reader.tooLong());
      assertFalse(reader.next());
    }
  }

  @Test
  void blankMeansOnlySpacesAndTabs() throws IOException {
    try (LineReader reader = reader(" \t \n x \n", LIMIT)) {
      reader.next();
      assertTrue(reader.isBlank());
      reader.next();
      assertFalse(reader.isBlank());
    }
  }

  private static List<String> lines(String input, int limit) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = reader(input, limit)) {
      while (reader.next()) {
        lines.add(text(reader));
        assertEquals(lines.size(), reader.number());
      }
    }
    return lines;
  }

  private static LineReader reader(String input, int limit) {
    return new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), limit);
  }

  private static String text(LineReader reader) {
    return new String(reader.buffer(), reader.start(), reader.length(), StandardCharsets.UTF_8);
  }
}
