package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import dev.concierge.models.HistoryMerged;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the journal's rows as the reads hand them over, in batches from several parts at once (token
 * ranges, or customers), on the caller's thread: counts them, keeps those of the customer entity in
 * the range, keys them for the time order and adds them to the sort.
 *
 * <p>A customer's events past the journal's first partition ({@code partition_nr} above 0, after half a
 * million events at the plugin's default) cannot be keyed where the scan meets them, in another token
 * range than the events before them: they are left out and counted as {@link #continuations}, to be
 * read in order after the scan, from where the first partition ended. Only a first partition that
 * ends past half the partition size is remembered, so this costs no memory per customer; the journal
 * plugin itself keeps a write from spanning more than one partition boundary.
 */
final class JournalIntake {

  /** Where a customer's journal goes on after the scan: after this sequence number, at this latest time. */
  record Continuation(long afterSequenceNr, Instant latest) {
    static final Continuation FROM_START = new Continuation(0, null);
  }

  /** One part's batch of rows, in its order; {@code ends} says the part has no more. */
  record PartBatch(int part, List<StoredEvent> events, boolean ends) {}

  private final String persistenceIdPrefix;
  private final TimeRange range;
  private final ReplayCounters counters;
  private final TimeOrderSort sort;
  private final long fullPartitionSequenceNr;
  private final Map<Integer, Cursor> cursors = new HashMap<>();
  private final Set<String> pastFirstPartition = new HashSet<>();
  private final Map<String, Continuation> firstPartitionEnds = new HashMap<>();
  private long rowsRead;
  private int partsDone;

  JournalIntake(
      String persistenceIdPrefix, TimeRange range, ReplayCounters counters, TimeOrderSort sort, long targetPartitionSize) {
    this.persistenceIdPrefix = persistenceIdPrefix;
    this.range = range;
    this.counters = counters;
    this.sort = sort;
    this.fullPartitionSequenceNr = Math.max(1, targetPartitionSize / 2);
  }

  /** Starts {@code part}, one customer's events after {@code from}, at the latest time it had there. */
  void resume(int part, String customerId, Continuation from) {
    cursor(part).clock.resume(customerId, from.latest());
  }

  void accept(PartBatch batch) {
    Cursor cursor = cursor(batch.part());
    for (StoredEvent stored : batch.events()) {
      rowsRead++;
      cursor.moveTo(stored);
      if (stored.persistenceId().startsWith(persistenceIdPrefix)) {
        take(cursor, stored, stored.persistenceId().substring(persistenceIdPrefix.length()));
      }
    }
    if (batch.ends()) {
      cursor.moveTo(null);
      cursors.remove(batch.part());
      partsDone++;
    }
  }

  /** Parts read to their end. */
  int partsDone() {
    return partsDone;
  }

  /** Rows read, of any entity. */
  long rowsRead() {
    return rowsRead;
  }

  /** The customers whose journal goes on past its first partition, and where to go on from. */
  Map<String, Continuation> continuations() {
    Map<String, Continuation> continuations = new HashMap<>();
    pastFirstPartition.forEach(customerId ->
        continuations.put(customerId, firstPartitionEnds.getOrDefault(customerId, Continuation.FROM_START)));
    return continuations;
  }

  private void take(Cursor cursor, StoredEvent stored, String customerId) {
    if (stored.partitionNr() > 0) {
      pastFirstPartition.add(customerId);
      return;
    }
    if (stored.event() instanceof HistoryMerged) {
      // the customer's bookkeeping of a merge, not an event: replay takes the merge event's history over
      // again from the other customer's replayed features, as HistoryReplay does
      return;
    }
    counters.recordRead();
    if (stored.event() instanceof EventRecorded recorded) {
      Instant time = recorded.event().timestamp();
      counters.valid(time);
      if (range.contains(time)) {
        sort.add(new KeyedEvent(cursor.clock.keyFor(customerId, time), customerId, stored.sequenceNr(), stored.payload()));
      } else {
        counters.outsideRange();
      }
    } else {
      String reason = stored.event() instanceof StoredEvent.Undecodable undecodable
          ? undecodable.reason()
          : "not an EventRecorded but a " + stored.event().getClass().getName();
      counters.invalid(stored.persistenceId() + " #" + stored.sequenceNr(), reason);
    }
  }

  private Cursor cursor(int part) {
    return cursors.computeIfAbsent(part, p -> new Cursor());
  }

  /** Where one part is: the journal partition its rows are from, and its customer's clock. */
  private final class Cursor {
    private final CustomerClock clock = new CustomerClock();
    private StoredEvent last;

    /** Notes the end of a first partition that may go on in another, when {@code next} starts a new one. */
    void moveTo(StoredEvent next) {
      if (last != null && (next == null || !samePartition(last, next))) {
        endPartition(last);
      }
      last = next;
    }

    private void endPartition(StoredEvent lastOfPartition) {
      String persistenceId = lastOfPartition.persistenceId();
      if (lastOfPartition.partitionNr() == 0
          && lastOfPartition.sequenceNr() >= fullPartitionSequenceNr
          && persistenceId.startsWith(persistenceIdPrefix)) {
        String customerId = persistenceId.substring(persistenceIdPrefix.length());
        firstPartitionEnds.put(customerId, new Continuation(lastOfPartition.sequenceNr(), clock.latestOf(customerId)));
      }
    }

    private boolean samePartition(StoredEvent a, StoredEvent b) {
      return a.partitionNr() == b.partitionNr() && a.persistenceId().equals(b.persistenceId());
    }
  }
}
