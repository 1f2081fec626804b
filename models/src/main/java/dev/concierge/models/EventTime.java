package dev.concierge.models;

import java.time.Instant;

/**
 * Event timestamps as epoch milliseconds that the feature function and trends can subtract safely.
 * An {@link Instant} reaches a billion years either way, far beyond a {@code long} of milliseconds
 * ({@link Instant#toEpochMilli} throws there); a timestamp beyond {@link #LATEST_MILLIS} or
 * {@link #EARLIEST_MILLIS} counts as that bound, so that the difference of any two fits in a long.
 */
public final class EventTime {

  /** Half a long of milliseconds after the epoch, about 146 million years. */
  public static final long LATEST_MILLIS = Long.MAX_VALUE / 2;

  /** As far before the epoch as {@link #LATEST_MILLIS} is after it. */
  public static final long EARLIEST_MILLIS = -LATEST_MILLIS;

  private static final long MILLIS_PER_SECOND = 1_000;

  private EventTime() {}

  /** The timestamp in epoch milliseconds, saturated to [{@link #EARLIEST_MILLIS}, {@link #LATEST_MILLIS}]. */
  public static long millisOf(Instant timestamp) {
    long seconds = timestamp.getEpochSecond();
    if (seconds >= LATEST_MILLIS / MILLIS_PER_SECOND) {
      return LATEST_MILLIS;
    }
    if (seconds <= EARLIEST_MILLIS / MILLIS_PER_SECOND) {
      return EARLIEST_MILLIS;
    }
    return timestamp.toEpochMilli();
  }
}
