package dev.concierge.offline.backtest;

import dev.concierge.models.CustomerEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The time split of a backtest: models learn from the train window {@code [from, split)} and are
 * judged on the clicks and purchases of the test window {@code [split, to)}. The replay runs through
 * both, so shoppers enter the test window with the features they had built up.
 */
public record BacktestWindows(Instant from, Instant split, Instant to) {

  private static final int PERCENT = 100;

  public BacktestWindows {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(split) || !split.isBefore(to)) {
      throw new IllegalArgumentException(
          "the time range must satisfy from < split < to, was from=" + from + " split=" + split + " to=" + to);
    }
  }

  /**
   * The default split: the event time at the {@code share} quantile, so that that share of the events
   * (all of it, but for events sharing the split's instant) falls before it.
   *
   * @param events in time order, at least one
   */
  public static Instant quantileTime(List<CustomerEvent> events, double share) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no events to split");
    }
    int index = (int) Math.min(events.size() - 1L, (long) Math.floor(share * events.size()));
    return events.get(index).timestamp();
  }

  /**
   * The split when none is given: the time before which {@code trainShare} of the events fall, so that
   * {@code train} and {@code backtest} agree on it.
   *
   * @throws IllegalArgumentException when that many events share the history's first instant
   */
  public static Instant defaultSplit(List<CustomerEvent> events, double trainShare) {
    Instant split = quantileTime(events, trainShare);
    if (!events.get(0).timestamp().isBefore(split)) {
      throw new IllegalArgumentException("the history's events do not spread over time: "
          + Math.round(trainShare * PERCENT) + "% of them fall at its first instant, " + split);
    }
    return split;
  }

  public boolean inTest(Instant at) {
    return !at.isBefore(split) && at.isBefore(to);
  }
}
