package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The running counts behind a {@link ReplayReport}. Confined to one thread at a time: the replay's
 * caller, or the journal's collecting stream before the caller sees its completion.
 */
final class ReplayCounters {

  private final InvalidTally invalid = new InvalidTally();
  private final Set<String> customers = new HashSet<>();
  private long plannedEvents;
  private long recordsRead;
  private long eventsYielded;
  private long outsideRange;
  private long duplicatesSkipped;
  private long outOfTimeOrder;
  private Instant earliestValid;
  private Instant latestValid;
  private Instant lastYielded;

  void plannedEvents(long upperBound) {
    plannedEvents = upperBound;
  }

  void recordRead() {
    recordsRead++;
  }

  void invalid(String where, String reason) {
    invalid.add(where, reason);
  }

  void valid(Instant time) {
    if (earliestValid == null || time.isBefore(earliestValid)) {
      earliestValid = time;
    }
    if (latestValid == null || time.isAfter(latestValid)) {
      latestValid = time;
    }
  }

  void outsideRange() {
    outsideRange++;
  }

  void duplicateSkipped() {
    duplicatesSkipped++;
  }

  void yielded(EventRecorded recorded) {
    Instant time = recorded.event().timestamp();
    if (lastYielded != null && time.isBefore(lastYielded)) {
      outOfTimeOrder++;
    }
    lastYielded = time;
    eventsYielded++;
    customers.add(recorded.event().customerId());
  }

  long eventsYielded() {
    return eventsYielded;
  }

  ReplayReport report() {
    return new ReplayReport(
        plannedEvents, recordsRead, eventsYielded, customers.size(), outsideRange, duplicatesSkipped,
        outOfTimeOrder, invalid.summary(), earliestValid, latestValid);
  }
}
