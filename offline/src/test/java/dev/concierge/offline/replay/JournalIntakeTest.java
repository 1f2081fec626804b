package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.HistoryMerged;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalIntakeTest extends WithEventCodec {

  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
  private static final String PREFIX = "Customer|";
  private static final long PARTITION_SIZE = 10;


  @TempDir Path spill;

  private final ReplayCounters counters = new ReplayCounters();

  @Test
  void keysEachCustomersEventsByItsLatestTimeAcrossBatchesOfInterleavedParts() {
    TimeOrderSort sort = sort();
    JournalIntake intake = new JournalIntake(PREFIX, TimeRange.all(), counters, sort, PARTITION_SIZE);

    intake.accept(batch(0, false, row("c-1", 0, 1, 50), row("c-1", 0, 2, 10)));
    intake.accept(batch(1, false, row("c-2", 0, 1, 20)));
    intake.accept(batch(0, true, row("c-1", 0, 3, 60)));
    intake.accept(batch(1, true, row("c-2", 0, 2, 55)));

    // c-1's second event (time 10) comes right after its first (50), as the live actor applied them
    assertEquals(List.of("c-2#1", "c-1#1", "c-1#2", "c-2#2", "c-1#3"), drain(sort));
    assertEquals(2, intake.partsDone());
    assertEquals(5, intake.rowsRead());
  }

  @Test
  void leavesOutOtherEntitiesRowsAndCountsTheRestByWhatTheyAre() {
    TimeOrderSort sort = sort();
    JournalIntake intake = new JournalIntake(PREFIX, TimeRange.until(T0.plusSeconds(100)), counters, sort, PARTITION_SIZE);

    intake.accept(batch(0, true,
        new StoredEvent("Other|x", 0, 1, "something else", null),
        row("c-1", 0, 1, 5),
        row("c-1", 0, 2, 500),
        new StoredEvent(PREFIX + "c-1", 0, 3, new StoredEvent.Undecodable("cannot be deserialized"), null),
        new StoredEvent(PREFIX + "c-1", 0, 4, "a string", null)));

    ReplayReport report = counters.report();
    assertEquals(List.of("c-1#1"), drain(sort));
    assertEquals(4, report.recordsRead(), "the other entity's row is not the customers' history");
    assertEquals(1, report.outsideRange());
    assertEquals(2, report.invalid().total());
  }

  @Test
  void leavesEventsPastTheFirstPartitionToBeReadOnFromWhereItEnded() {
    TimeOrderSort sort = sort();
    JournalIntake intake = new JournalIntake(PREFIX, TimeRange.all(), counters, sort, PARTITION_SIZE);
    List<StoredEvent> longFirstPartition = new ArrayList<>();
    for (int sequenceNr = 1; sequenceNr <= 9; sequenceNr++) {
      longFirstPartition.add(row("long", 0, sequenceNr, 100 - sequenceNr));
    }
    longFirstPartition.add(row("short", 0, 1, 1));

    intake.accept(batch(0, true, longFirstPartition.toArray(StoredEvent[]::new)));
    intake.accept(batch(1, true, row("long", 1, 10, 7), row("no-first", 1, 12, 8)));

    Map<String, JournalIntake.Continuation> continuations = intake.continuations();
    assertEquals(new JournalIntake.Continuation(9, T0.plusSeconds(99)), continuations.get("long"));
    assertEquals(JournalIntake.Continuation.FROM_START, continuations.get("no-first"));
    assertNull(continuations.get("short"));
    assertEquals(10, counters.report().recordsRead(), "the later partitions' rows are read again later");
  }

  @Test
  void aMergeIsReplayedLikeAnyEventAndTheHistoryItHandedOverIsLeftOut() {
    TimeOrderSort sort = sort();
    JournalIntake intake = new JournalIntake(PREFIX, TimeRange.all(), counters, sort, PARTITION_SIZE);
    EventRecorded merge = new EventRecorded(CustomerEvent.merge("c-1#2", "c-1", "anon-1", T0.plusSeconds(20)), null);

    intake.accept(batch(0, true,
        row("c-1", 0, 1, 10),
        new StoredEvent(PREFIX + "c-1", 0, 2, merge, codec.encode(merge)),
        new StoredEvent(PREFIX + "c-1", 0, 3, new HistoryMerged("anon-1", CustomerFeatures.EMPTY), null),
        row("c-1", 0, 4, 30)));

    assertEquals(List.of("c-1#1", "c-1#2", "c-1#4"), drain(sort));
    assertEquals(3, counters.report().recordsRead(), "the hand-over is no record of the history");
    assertEquals(0, counters.report().invalid().total());
  }

  @Test
  void aResumedCustomerGoesOnFromItsLatestTime() {
    TimeOrderSort sort = sort();
    JournalIntake intake = new JournalIntake(PREFIX, TimeRange.all(), counters, sort, PARTITION_SIZE);
    intake.accept(batch(0, true, row("other", 0, 1, 70)));

    intake.resume(1, "long", new JournalIntake.Continuation(9, T0.plusSeconds(80)));
    intake.accept(batch(1, true, row("long", 0, 10, 60)));

    assertEquals(List.of("other#1", "long#10"), drain(sort));
  }

  private TimeOrderSort sort() {
    return new TimeOrderSort(1_000, spill, codec);
  }

  private static JournalIntake.PartBatch batch(int part, boolean ends, StoredEvent... rows) {
    return new JournalIntake.PartBatch(part, List.of(rows), ends);
  }

  private static StoredEvent row(String customerId, long partitionNr, long sequenceNr, long second) {
    CustomerEvent event =
        CustomerEvent.of(customerId + "#" + sequenceNr, customerId, EventType.VIEW, "sku-1", T0.plusSeconds(second));
    EventRecorded recorded = new EventRecorded(event, null);
    return new StoredEvent(PREFIX + customerId, partitionNr, sequenceNr, recorded, codec.encode(recorded));
  }

  private static List<String> drain(TimeOrderSort sort) {
    List<String> ids = new ArrayList<>();
    MergedEvents merged = sort.merged();
    for (EventRecorded next = merged.next(); next != null; next = merged.next()) {
      ids.add(next.event().eventId());
    }
    return ids;
  }
}
