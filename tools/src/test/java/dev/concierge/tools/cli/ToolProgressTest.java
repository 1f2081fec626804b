package dev.concierge.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolProgressTest {

  // a task done before the bar's first tick is the case that left the line open; many tries meet it
  private static final int BARS = 200;

  @Test
  void aBarClosedBeforeItsFirstTickStillEndsItsLine() {
    List<String> open = new ArrayList<>();
    for (int i = 0; i < BARS; i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      try (ToolProgress progress = ToolProgress.start("task", 4, "events", err)) {
        progress.stepTo(4);
      }
      String shown = bytes.toString(StandardCharsets.UTF_8);
      if (!shown.endsWith("\n") || !shown.contains("4/4 events")) {
        open.add(shown);
      }
    }
    assertEquals(List.of(), open, "bars whose line was left open or without the final count");
  }

  @Test
  void theLineIsEndedOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ToolProgress progress = ToolProgress.start("task", 4, "events", err)) {
      progress.stepTo(4);
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(shown.startsWith("\rtask"), shown);
    assertEquals(1, shown.chars().filter(c -> c == '\n').count(), shown);
  }
}
