package dev.concierge.offline.replay;

import java.time.Instant;

/**
 * What a replay has read so far (final once it is exhausted).
 *
 * @param plannedEvents    an upper bound of the events it will yield, known on open, for progress bars:
 *                         exact for the journal and for unsorted files (both read whole on open), the
 *                         non-blank lines of a sorted file, the offset span of the Kafka partitions
 * @param recordsRead      records read: non-blank lines, Kafka records, journal events
 * @param eventsYielded    events handed to the caller
 * @param customers        distinct customers among them
 * @param outsideRange     valid events skipped because they are outside the time range
 * @param duplicatesSkipped redeliveries dropped by the dedupe window, as the live customer would
 * @param outOfTimeOrder   yielded events earlier than the one yielded before: a customer whose
 *                         persisted order goes back in time, or disorder beyond Kafka's reorder window
 * @param invalid          records skipped as invalid, by reason
 * @param earliestValid    the earliest valid event time read, in range or not; null if none
 * @param latestValid      the latest valid event time read, in range or not; null if none
 */
public record ReplayReport(
    long plannedEvents,
    long recordsRead,
    long eventsYielded,
    long customers,
    long outsideRange,
    long duplicatesSkipped,
    long outOfTimeOrder,
    InvalidSummary invalid,
    Instant earliestValid,
    Instant latestValid) {

  /** A few lines for a person. */
  public String describe() {
    String nl = System.lineSeparator();
    StringBuilder text =
        new StringBuilder()
            .append(eventsYielded).append(" events of ").append(customers).append(" customers from ")
            .append(recordsRead).append(" records read");
    if (earliestValid != null) {
      text.append(nl).append("valid events span ").append(earliestValid).append(" to ").append(latestValid);
    }
    if (outsideRange > 0) {
      text.append(nl).append(outsideRange).append(" valid events outside the time range");
    }
    if (duplicatesSkipped > 0) {
      text.append(nl).append(duplicatesSkipped).append(" redelivered events skipped");
    }
    if (outOfTimeOrder > 0) {
      text.append(nl).append(outOfTimeOrder).append(" events earlier than the event before them");
    }
    if (invalid.total() > 0) {
      text.append(nl).append(invalid.describe());
    }
    return text.toString();
  }
}
