package dev.concierge.tools.simulate;

import java.util.OptionalDouble;
import java.util.concurrent.locks.LockSupport;

/** Spaces the events evenly at the requested rate, or not at all. */
final class EventPacer {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double nanosPerEvent;
  private final long startNanos;

  private EventPacer(double nanosPerEvent) {
    this.nanosPerEvent = nanosPerEvent;
    this.startNanos = System.nanoTime();
  }

  /** @param eventsPerSecond the rate, or empty for as fast as possible */
  static EventPacer of(OptionalDouble eventsPerSecond) {
    return new EventPacer(eventsPerSecond.isPresent() ? NANOS_PER_SECOND / eventsPerSecond.getAsDouble() : 0);
  }

  /** Blocks until event number {@code sent} (from 0) is due. */
  void awaitTurn(long sent) {
    if (nanosPerEvent == 0) {
      return;
    }
    long due = startNanos + (long) (sent * nanosPerEvent);
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }
}
