package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.EventRecorded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEventSourceTest {

  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void readsForgivingLinesAndSummarizesTheBadOnesWithTheirLineNumbers() throws IOException {
    Path file = write(
        line("e-1", "c-1", "\"2026-10-01T00:00:00Z\"") + "\r",
        "",
        "this is not json",
        "{\"eventId\":\"e-2\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-1\","
            + "\"timestamp\":" + T0.plusSeconds(1).toEpochMilli() + ",\"referrer\":\"mail\",\"tags\":[1,2]}",
        "{\"eventId\":\"e-x\",\"customerId\":\"c-1\",\"type\":\"view\",\"timestamp\":\"2026-10-01T00:00:02Z\"}",
        "   ",
        line("e-3", "c-2", "\"2026-10-01 02:00:03+02:00\""),
        "{\"eventId\":\"e-y\",\"customerId\":\"c-1\",\"type\":\"view\",\"timestamp\":\"2026-10-01T00:00:04Z\"}",
        "{\"eventId\":\"e-z\",\"customerId\":\"c-1\",\"type\":\"wishlist\",\"itemId\":\"sku-1\",\"timestamp\":\"2026-10-01T00:00:05Z\"}");

    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.all())) {
      assertEquals(List.of("e-1", "e-2", "e-3"), ids(events));
      ReplayReport report = events.report();
      assertEquals(7, report.recordsRead());
      assertEquals(3, report.eventsYielded());
      assertEquals(2, report.customers());
      InvalidSummary invalid = report.invalid();
      assertEquals(4, invalid.total());
      assertEquals(3, invalid.reasons().size());
      assertEquals("line 3", invalid.reasons().get(0).firstAt());
      assertTrue(invalid.reasons().get(0).reason().startsWith("not valid JSON"));
      assertEquals(new InvalidSummary.Reason("missing required field 'itemId'", 2, "line 5"), invalid.reasons().get(1));
      assertEquals("line 9", invalid.reasons().get(2).firstAt());
      assertTrue(report.describe().contains("2 x missing required field 'itemId' (first at line 5)"), report.describe());
    }
  }

  @Test
  void yieldsOnlyEventsInTheHalfOpenRange() throws IOException {
    Path file = write(line("e-0", "c-1", 0), line("e-1", "c-1", 10), line("e-2", "c-2", 20), line("e-3", "c-1", 30));

    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.between(T0.plusSeconds(10), T0.plusSeconds(30)))) {
      assertEquals(List.of("e-1", "e-2"), ids(events));
      assertEquals(2, events.report().outsideRange());
    }
  }

  @Test
  void aSortedFileStopsReadingAtTheEndOfTheRange() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lines.add(line("e-" + i, "c-" + i % 7, i));
    }
    Path file = write(lines.toArray(String[]::new));

    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.until(T0.plusSeconds(10)))) {
      assertEquals(10, ids(events).size());
      assertEquals(11, events.report().recordsRead());
      assertEquals(100, events.report().plannedEvents());
    }
  }

  @Test
  void eventsAtTheSameTimeComeOrderedByCustomerThenByLine() throws IOException {
    Path file = write(line("b-1", "c-b", 5), line("a-1", "c-a", 5), line("b-2", "c-b", 5), line("c-1", "c-c", 6));

    assertEquals(List.of("a-1", "b-1", "b-2", "c-1"), replayAll(file));
  }

  @Test
  void anUnsortedFileComesOutInTimeOrder() throws IOException {
    Path file = write(line("e-3", "c-1", 30), line("e-1", "c-2", 10), line("e-4", "c-3", 40), line("e-2", "c-4", 20));

    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.all())) {
      assertEquals(4, events.report().plannedEvents(), "an unsorted file is loaded on open");
      assertEquals(List.of("e-1", "e-2", "e-3", "e-4"), ids(events));
      assertEquals(0, events.report().outOfTimeOrder());
    }
  }

  @Test
  void aCustomersLineOrderIsKeptEvenWhereItsTimesGoBackwards() throws IOException {
    Path file = write(line("first", "c-1", 50), line("second", "c-1", 10), line("other", "c-2", 20));

    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.all())) {
      assertEquals(List.of("other", "first", "second"), ids(events));
      assertEquals(1, events.report().outOfTimeOrder());
    }
  }

  @Test
  void theSameHistoryReplaysInTheSameOrderWhateverTheInterleavingOfCustomersInTheFile() throws IOException {
    Random random = new Random(7);
    List<List<String>> customers = new ArrayList<>();
    List<String[]> sortedByTime = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      List<String> ownLines = new ArrayList<>();
      long second = random.nextInt(5);
      for (int e = 0; e < 30; e++) {
        second += random.nextInt(3);
        String line = line("e-" + c + "-" + e, "c-" + c, second);
        ownLines.add(line);
        sortedByTime.add(new String[] {String.format("%08d", second), line});
      }
      customers.add(ownLines);
    }
    sortedByTime.sort(Comparator.comparing(entry -> entry[0]));
    Path sorted = write(sortedByTime.stream().map(entry -> entry[1]).toArray(String[]::new));
    Path interleaved = write(randomInterleaving(customers, random).toArray(String[]::new));

    List<String> fromSorted = replayAll(sorted);
    assertEquals(fromSorted, replayAll(interleaved));
    assertEquals(600, fromSorted.size());
  }

  @Test
  void redeliveriesWithinTheDedupeWindowAreDroppedAsTheLiveCustomerDrops() throws IOException {
    Path file = write(line("e-1", "c-1", 1), line("e-1", "c-1", 2), line("e-1", "c-2", 3), line("e-2", "c-1", 4));

    assertEquals(List.of("e-1", "e-1", "e-1", "e-2"), replayAll(file));
    try (ReplayEvents events = new FileEventSource(file, 32).open(TimeRange.all())) {
      assertEquals(List.of("e-1", "e-1", "e-2"), ids(events));
      assertEquals(1, events.report().duplicatesSkipped());
    }
  }

  @Test
  void readsAGzippedFileAndAByteOrderMark() throws IOException {
    Path file = dir.resolve("history.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      out.write((line("e-1", "c-1", 1) + "\n" + line("e-2", "c-1", 2) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    assertEquals(List.of("e-1", "e-2"), replayAll(file));
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope.jsonl");

    ReplaySourceException error =
        assertThrows(ReplaySourceException.class, () -> new FileEventSource(missing).open(TimeRange.all()));

    assertEquals("no such file: " + missing, error.getMessage());
  }

  @Test
  void anEmptyOrBlankFileIsAnEmptySource() throws IOException {
    for (Path file : List.of(write(), write("", "  ", ""))) {
      EmptySourceException error =
          assertThrows(EmptySourceException.class, () -> new FileEventSource(file).open(TimeRange.all()));
      assertTrue(error.getMessage().endsWith("is empty: expected one event JSON object per line"), error.getMessage());
    }
  }

  @Test
  void aFileWithoutValidEventsIsAnEmptySourceThatSaysWhatWasWrong() throws IOException {
    Path file = write("[", "  " + line("e-1", "c-1", 1).replace("\"type\":\"view\"", "\"type\":\"like\"") + ",", "]");

    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.all())) {
      EmptySourceException error = assertThrows(EmptySourceException.class, events::hasNext);
      assertEquals(3, error.report().invalid().total());
      assertTrue(error.getMessage().contains("expected an event JSON object (first at line 1)"), error.getMessage());
    }
  }

  @Test
  void aRangeWithoutEventsIsAnEmptySourceThatShowsWhereTheEventsAre() throws IOException {
    Path file = write(line("e-1", "c-1", 0), line("e-2", "c-1", 60));
    TimeRange later = TimeRange.since(T0.plusSeconds(3600));

    try (ReplayEvents events = new FileEventSource(file).open(later)) {
      EmptySourceException error = assertThrows(EmptySourceException.class, events::hasNext);
      assertTrue(error.getMessage().contains("no valid event in " + later), error.getMessage());
      assertTrue(error.getMessage().contains("valid events span " + T0 + " to " + T0.plusSeconds(60)), error.getMessage());
    }
  }

  @Test
  void theStreamYieldsTheEventsWithANullCategoryAndClosesTheReplay() throws IOException {
    Path file = write(line("e-1", "c-1", 0));
    ReplayEvents events = new FileEventSource(file).open(TimeRange.all());

    List<EventRecorded> recorded;
    try (var stream = events.stream()) {
      recorded = stream.toList();
    }

    assertEquals(1, recorded.size());
    assertNull(recorded.get(0).category());
    assertFalse(events.hasNext());
  }

  private static List<String> randomInterleaving(List<List<String>> customers, Random random) {
    List<Integer> draws = new ArrayList<>();
    for (int c = 0; c < customers.size(); c++) {
      draws.addAll(Collections.nCopies(customers.get(c).size(), c));
    }
    Collections.shuffle(draws, random);
    int[] next = new int[customers.size()];
    List<String> lines = new ArrayList<>();
    for (int c : draws) {
      lines.add(customers.get(c).get(next[c]++));
    }
    return lines;
  }

  private List<String> replayAll(Path file) {
    try (ReplayEvents events = new FileEventSource(file).open(TimeRange.all())) {
      return ids(events);
    }
  }

  private static List<String> ids(ReplayEvents events) {
    List<String> ids = new ArrayList<>();
    events.forEachRemaining(recorded -> ids.add(recorded.event().eventId()));
    return ids;
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "history", ".jsonl");
    Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    return file;
  }

  private static String line(String eventId, String customerId, long second) {
    return line(eventId, customerId, "\"" + T0.plusSeconds(second) + "\"");
  }

  private static String line(String eventId, String customerId, String timestampJson) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId
        + "\",\"type\":\"view\",\"itemId\":\"sku-1\",\"timestamp\":" + timestampJson + "}";
  }
}
