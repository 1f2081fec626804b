package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.persistence.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The partition merge, and the {@link TopicRead} under it, on Kafka's own mock consumer: offsets, pausing and
 * end offsets as the client has them.
 */
class KafkaMergedEventsTest {

  private static final String TOPIC = "customer-events";
  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
  private static final KafkaEventSource.Settings SETTINGS = KafkaEventSource.Settings.of("unused:9092", TOPIC);

  private final EventJson json = new EventJson(new ObjectMapper());
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
  private final Map<Integer, List<byte[]>> partitions = new HashMap<>();
  private final ReplayCounters counters = new ReplayCounters();

  @Test
  void mergesPartitionsByEventTimeWithTiesByCustomer() {
    produce(0, event("p0-a", "c-2", 10), event("p0-b", "c-2", 30));
    produce(1, event("p1-a", "c-1", 10), event("p1-b", "c-3", 20), event("p1-c", "c-3", 40));

    assertEquals(List.of("p1-a", "p0-a", "p1-b", "p0-b", "p1-c"), replay(TimeRange.all(), SETTINGS, 2));
  }

  @Test
  void repairsDisorderWithinTheReorderWindow() {
    produce(0, event("e-2", "c-1", 2), event("e-3", "c-2", 3), event("e-1", "c-3", 1), event("e-4", "c-4", 4));

    assertEquals(List.of("e-1", "e-2", "e-3", "e-4"), replayOneRecordPerPoll(SETTINGS.withReorderWindow(3)));
    assertEquals(0, counters.report().outOfTimeOrder());
  }

  @Test
  void yieldsDisorderBeyondTheReorderWindowAsItComesAndCountsIt() {
    produce(0, event("e-2", "c-1", 2), event("e-3", "c-2", 3), event("e-1", "c-3", 1), event("e-4", "c-4", 4));

    assertEquals(List.of("e-2", "e-1", "e-3", "e-4"), replayOneRecordPerPoll(SETTINGS.withReorderWindow(2)));
    assertEquals(1, counters.report().outOfTimeOrder());
  }

  @Test
  void keepsEachCustomersOffsetOrder() {
    produce(0, event("first", "c-1", 50), event("second", "c-1", 10), event("other", "c-2", 20));

    assertEquals(List.of("other", "first", "second"), replay(TimeRange.all(), SETTINGS, 1));
  }

  @Test
  void readsNothingPastTheEndOffsetsCapturedOnOpen() {
    produce(0, event("e-1", "c-1", 1), event("e-2", "c-1", 2));
    KafkaMergedEvents merged = merged(TimeRange.all(), SETTINGS, 1, false);
    consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 2, null, json.write(event("late", "c-1", 3))));

    assertEquals(List.of("e-1", "e-2"), ids(merged));
    assertEquals(2, counters.report().recordsRead());
  }

  @Test
  void stopsAPartitionAtItsFirstEventPastTheRangeAndTheLateness() {
    KafkaEventSource.Settings settings = SETTINGS.withLateness(Duration.ofSeconds(5));
    produce(0, event("in", "c-1", 1), event("late-but-in", "c-2", 9), event("out", "c-1", 11), event("stop", "c-1", 15),
        event("never-read", "c-1", 2));

    assertEquals(List.of("in", "late-but-in"), replay(TimeRange.until(T0.plusSeconds(10)), settings, 1));
    assertEquals(4, counters.report().recordsRead());
    assertEquals(2, counters.report().outsideRange());
  }

  @Test
  void countsInvalidRecordsWithTheirPartitionAndOffset() {
    produce(0, event("e-1", "c-1", 1));
    partitions.get(0).add("not json".getBytes(StandardCharsets.UTF_8));
    partitions.get(0).add(null);

    assertEquals(List.of("e-1"), replay(TimeRange.all(), SETTINGS, 1));
    InvalidSummary invalid = counters.report().invalid();
    assertEquals(2, invalid.total());
    assertEquals("partition 0 offset 1", invalid.reasons().get(0).firstAt());
    assertTrue(invalid.reasons().get(1).reason().startsWith("the record has no value"), invalid.describe());
  }

  private List<String> replay(TimeRange range, KafkaEventSource.Settings settings, int partitionCount) {
    return ids(merged(range, settings, partitionCount, false));
  }

  /** Partition 0 delivered a record at a time, as a broker does when records arrive slowly. */
  private List<String> replayOneRecordPerPoll(KafkaEventSource.Settings settings) {
    return ids(merged(TimeRange.all(), settings, 1, true));
  }

  private KafkaMergedEvents merged(
      TimeRange range, KafkaEventSource.Settings settings, int partitionCount, boolean oneRecordPerPoll) {
    List<TopicPartition> assigned = new ArrayList<>();
    for (int p = 0; p < partitionCount; p++) {
      assigned.add(new TopicPartition(TOPIC, p));
    }
    consumer.assign(assigned);
    Map<TopicPartition, Long> starts = new HashMap<>();
    Map<TopicPartition, Long> ends = new HashMap<>();
    for (TopicPartition partition : assigned) {
      List<byte[]> values = partitions.getOrDefault(partition.partition(), List.of());
      for (int offset = 0; offset < values.size(); offset++) {
        ConsumerRecord<byte[], byte[]> record =
            new ConsumerRecord<>(TOPIC, partition.partition(), offset, null, values.get(offset));
        if (oneRecordPerPoll) {
          consumer.schedulePollTask(() -> consumer.addRecord(record));
        } else {
          consumer.addRecord(record);
        }
      }
      starts.put(partition, 0L);
      ends.put(partition, (long) values.size());
    }
    TopicRead read = new TopicRead(consumer, "test topic", settings.stallTimeout(), assigned, starts, ends);
    return new KafkaMergedEvents(read, json, range, counters, settings);
  }

  private List<String> ids(KafkaMergedEvents merged) {
    List<String> ids = new ArrayList<>();
    for (EventRecorded recorded = merged.next(); recorded != null; recorded = merged.next()) {
      assertNull(recorded.category());
      counters.yielded(recorded);
      ids.add(recorded.event().eventId());
    }
    return ids;
  }

  private void produce(int partition, CustomerEvent... events) {
    List<byte[]> values = partitions.computeIfAbsent(partition, p -> new ArrayList<>());
    for (CustomerEvent event : events) {
      values.add(json.write(event));
    }
  }

  private static CustomerEvent event(String eventId, String customerId, long second) {
    return CustomerEvent.of(eventId, customerId, EventType.VIEW, "sku-1", T0.plusSeconds(second));
  }
}
