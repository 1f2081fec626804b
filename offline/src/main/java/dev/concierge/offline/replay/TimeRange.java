package dev.concierge.offline.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The half-open event-time range {@code [from, to)} a replay covers. Either end may be open
 * ({@code null}): an open {@code from} starts at the beginning of history, an open {@code to} runs
 * to its end.
 */
public record TimeRange(Instant from, Instant to) {

  public TimeRange {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the time range is empty: from " + from + " must be before to " + to + " (to is exclusive)");
    }
  }

  public static TimeRange all() {
    return new TimeRange(null, null);
  }

  public static TimeRange since(Instant from) {
    return new TimeRange(from, null);
  }

  public static TimeRange until(Instant to) {
    return new TimeRange(null, to);
  }

  public static TimeRange between(Instant from, Instant to) {
    return new TimeRange(from, to);
  }

  /**
   * The range of {@code --from}/{@code --to} arguments, each a {@link Timestamps} form or
   * {@code null} for an open end.
   *
   * @throws IllegalArgumentException naming the argument to fix
   */
  public static TimeRange parse(String from, String to) {
    return new TimeRange(argument("from", from), argument("to", to));
  }

  public boolean contains(Instant time) {
    return !isBeforeStart(time) && !isPastEnd(time);
  }

  public boolean isBeforeStart(Instant time) {
    return from != null && time.isBefore(from);
  }

  /** True when {@code time} is at or after the exclusive end. */
  public boolean isPastEnd(Instant time) {
    return to != null && !time.isBefore(to);
  }

  @Override
  public String toString() {
    return "[" + (from == null ? "beginning of history" : from) + ", " + (to == null ? "end of history" : to) + ")";
  }

  private static Instant argument(String name, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--" + name + " '" + text + "' is not a time: " + Timestamps.ACCEPTED, e);
    }
  }
}
