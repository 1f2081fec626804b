package dev.concierge.models;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest time an event may claim. A live node judges events by its own clock: a timestamp more
 * than a configured skew ahead of it is refused at the edges (HTTP and Kafka), and the feature
 * function and trends count any later one that still reaches them (a journal written before the
 * rule, another node's clock) as if it happened at the horizon, so that one event dated 9999 cannot
 * stop a customer's decay or a node's trends. Offline replay has no such clock and takes every time
 * as it is ({@link #NONE}).
 */
public sealed interface EventHorizon {

  /** No horizon: replay and backtests take event times as they are. */
  EventHorizon NONE = new Unbounded();

  /** The latest epoch millisecond an event may claim, now. */
  long latestMillis();

  /** True when the event claims a time beyond the horizon. */
  default boolean isBeyond(Instant timestamp) {
    return EventTime.millisOf(timestamp) > latestMillis();
  }

  /** The event's time as features and trends count it: its own, but no later than the horizon. */
  default long countedMillis(Instant timestamp) {
    return Math.min(EventTime.millisOf(timestamp), latestMillis());
  }

  /** A node's horizon: its clock's now plus the skew it allows producers' clocks. */
  record Live(Clock clock, Duration maxFutureSkew) implements EventHorizon {

    public Live {
      Objects.requireNonNull(clock, "clock");
      if (maxFutureSkew.isNegative() || maxFutureSkew.compareTo(Duration.ofMillis(EventTime.LATEST_MILLIS)) > 0) {
        throw new IllegalArgumentException("the future skew must be from 0 to about 146 million years, not " + maxFutureSkew);
      }
    }

    @Override
    public long latestMillis() {
      // a clock's now is decades from the epoch, so adding a skew within LATEST_MILLIS cannot overflow
      return Math.min(EventTime.LATEST_MILLIS, clock.millis() + maxFutureSkew.toMillis());
    }
  }

  /** See {@link #NONE}. */
  record Unbounded() implements EventHorizon {
    @Override
    public long latestMillis() {
      return EventTime.LATEST_MILLIS;
    }
  }
}
