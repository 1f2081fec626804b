package dev.concierge.offline.backtest;

import java.util.Objects;

/**
 * How many times a baseline's HR@{@value BacktestSettings#HEADLINE_K} a model reached on the same cases,
 * with a paired bootstrap interval: above 1 throughout, the model beat the baseline beyond the noise of
 * which cases happened to be judged.
 *
 * @param ratio the model's hits over the baseline's, or {@code null} when the baseline hit nothing and the
 *     ratio is undefined
 */
public record Lift(String model, String baseline, Interval ratio) {

  public Lift {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(baseline, "baseline");
  }

  public boolean defined() {
    return ratio != null;
  }
}
