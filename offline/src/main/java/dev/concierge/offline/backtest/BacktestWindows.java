package dev.concierge.offline.backtest;

import java.time.Instant;
import java.util.Objects;

/**
 * The time split of a backtest: models learn from the train window {@code [from, split)} and are
 * judged on the clicks and purchases of the test window {@code [split, to)}. The replay runs through
 * both, so shoppers enter the test window with the features they had built up.
 */
public record BacktestWindows(Instant from, Instant split, Instant to) {

  public BacktestWindows {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(split) || !split.isBefore(to)) {
      throw new IllegalArgumentException(
          "the time range must satisfy from < split < to, was from=" + from + " split=" + split + " to=" + to);
    }
  }

  public boolean inTest(Instant at) {
    return !at.isBefore(split) && at.isBefore(to);
  }
}
