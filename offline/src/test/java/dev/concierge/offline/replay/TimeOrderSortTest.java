package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOrderSortTest extends WithEventCodec {

  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
  private static final int EVENTS = 600;


  @TempDir Path spill;

  @ParameterizedTest(name = "sort buffer {0}")
  @ValueSource(ints = {7, 50, EVENTS, EVENTS * 2})
  void yieldsEveryEventInKeyOrderWhateverSpilledToDisk(int buffer) {
    List<EventRecorded> recorded = randomEvents(new Random(buffer));
    List<KeyedEvent> events = keyed(recorded);
    List<KeyedEvent> expected = new ArrayList<>(events);
    expected.sort(KeyedEvent.ORDER);

    List<EventRecorded> merged = new ArrayList<>();
    try (TimeOrderSort sort = new TimeOrderSort(buffer, spill, codec)) {
      events.forEach(sort::add);
      assertEquals(EVENTS, sort.size());
      assertEquals(EVENTS / buffer, sort.runs(), "a run of each full buffer");
      MergedEvents sorted = sort.merged();
      for (EventRecorded next = sorted.next(); next != null; next = sorted.next()) {
        merged.add(next);
      }
    }
    assertEquals(expected.stream().map(k -> recorded.get((int) k.sequenceNr())).toList(), merged,
        "in order, and as recorded");
  }

  @Test
  void deletesItsRunsWhenClosedEvenHalfRead() throws IOException {
    TimeOrderSort sort = new TimeOrderSort(10, spill, codec);
    keyed(randomEvents(new Random(1))).forEach(sort::add);
    MergedEvents sorted = sort.merged();
    sorted.next();
    assertTrue(filesUnder(spill) > 0, "runs were spilled");

    sorted.close();

    assertEquals(0, filesUnder(spill));
  }

  @Test
  void aBufferOfNothingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TimeOrderSort(0, spill, codec));
  }

  @Test
  void anEmptySortYieldsNothing() {
    try (TimeOrderSort sort = new TimeOrderSort(10, spill, codec)) {
      assertNull(sort.merged().next());
    }
  }

  /** Keyed by their own time, numbered by their place in {@code recorded}. */
  private static List<KeyedEvent> keyed(List<EventRecorded> recorded) {
    List<KeyedEvent> keyed = new ArrayList<>();
    for (int i = 0; i < recorded.size(); i++) {
      EventRecorded event = recorded.get(i);
      keyed.add(new KeyedEvent(event.event().timestamp(), event.event().customerId(), i, codec.encode(event)));
    }
    return keyed;
  }

  private static List<EventRecorded> randomEvents(Random random) {
    List<EventRecorded> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      String customerId = "c-" + random.nextInt(50);
      Instant time = T0.plusMillis(random.nextInt(100_000));
      CustomerEvent event = new CustomerEvent(
          "e-" + i, customerId, EventType.PURCHASE, "sku-" + random.nextInt(30), time, 9.5, 2, "s-1", Map.of("page", "cart"));
      KafkaSource source = random.nextBoolean() ? new KafkaSource(random.nextInt(4), i) : null;
      events.add(new EventRecorded(event, random.nextBoolean() ? "tents" : null, source));
    }
    return events;
  }

  private static long filesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
