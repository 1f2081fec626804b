package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One open replay of an {@link EventSource}: its events in merge order, pulled on the calling
 * thread (iterate on one thread only), and a {@link #report()} of what was read. Close it, or the
 * stream from {@link #stream()}, to release the source (a file, a Kafka consumer); it also releases
 * them itself once the last event is taken.
 *
 * <p>A replay that finds no valid event in its range is an error, not an empty iteration: the first
 * {@link #hasNext()} throws {@link EmptySourceException}, whose message says what was there instead.
 */
public final class ReplayEvents implements Iterator<EventRecorded>, AutoCloseable {

  private final String source;
  private final TimeRange range;
  private final MergedEvents merged;
  private final ReplayCounters counters;
  private final RedeliveryFilter redeliveries;
  private EventRecorded next;
  private boolean finished;
  private boolean closed;

  ReplayEvents(
      String source, TimeRange range, MergedEvents merged, ReplayCounters counters, RedeliveryFilter redeliveries) {
    this.source = source;
    this.range = range;
    this.merged = merged;
    this.counters = counters;
    this.redeliveries = redeliveries;
  }

  /** @throws EmptySourceException when the source has no valid event in the range at all */
  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      EventRecorded candidate = merged.next();
      if (candidate == null) {
        finish();
      } else if (redeliveries.isRedelivery(candidate)) {
        counters.duplicateSkipped();
      } else {
        next = candidate;
      }
    }
    return next != null;
  }

  @Override
  public EventRecorded next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the replay of " + source + " has no more events");
    }
    EventRecorded taken = next;
    next = null;
    counters.yielded(taken);
    return taken;
  }

  /** The counts so far; final once {@link #hasNext()} returned false. */
  public ReplayReport report() {
    return counters.report();
  }

  /** The remaining events as a sequential stream that closes this replay when closed. */
  public Stream<EventRecorded> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  @Override
  public void close() {
    finished = true;
    next = null;
    if (!closed) {
      closed = true;
      merged.close();
    }
  }

  private void finish() {
    close();
    if (counters.eventsYielded() == 0) {
      ReplayReport report = counters.report();
      throw new EmptySourceException(
          source + " has no valid event in " + range + System.lineSeparator() + report.describe(), report);
    }
  }
}
