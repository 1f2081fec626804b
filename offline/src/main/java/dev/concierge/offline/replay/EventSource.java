package dev.concierge.offline.replay;

/**
 * Recorded customer history to replay through the feature function, offline.
 *
 * <p>The contract every source keeps, for the half-open event-time range {@code [from, to)} it is
 * opened with (either end may be open):
 *
 * <ul>
 *   <li><b>Each customer's events come in their persisted order</b>: journal sequence numbers, Kafka
 *       offsets within a partition, line order within a file. That is the order the live customer
 *       applied them in, so replay computes the same features even where a customer's event times
 *       go backwards.
 *   <li><b>The whole history is merged by event time</b>: the next event is always the earliest
 *       head among the customers' sequences, ties broken by customerId, then by Kafka partition. So
 *       the output is in time order wherever each customer's own events are, and the same input
 *       always replays in the same order. {@link ReplayReport#outOfTimeOrder()} counts the exceptions.
 *   <li>Only events inside the range are yielded, as {@code EventRecorded}: from the journal with the
 *       category recorded then; from a file or Kafka with a {@code null} category, which the replayer
 *       resolves from the catalog.
 *   <li>Invalid records are counted with their reason and where they are, and skipped
 *       ({@link ReplayReport#invalid()}); a few bad records never abort a replay. A source with no
 *       valid event in the range is an {@link EmptySourceException}; one that cannot be read at all
 *       a {@link ReplaySourceException}.
 *   <li>{@link #open} may block (reading a whole journal takes a while): call it from a tool's main
 *       thread or a test, never from an actor.
 * </ul>
 */
public sealed interface EventSource permits FileEventSource, KafkaEventSource, JournalEventSource {

  /** What is read, for messages: "file events.jsonl", "Kafka topic customer-events at ...". */
  String description();

  /**
   * Starts a replay of {@code range}; the caller closes it.
   *
   * @throws ReplaySourceException when the source cannot be read
   */
  ReplayEvents open(TimeRange range);
}
