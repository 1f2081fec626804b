package dev.concierge.offline.backtest;

import java.time.Duration;
import java.util.List;

/**
 * The counterfactual check of logged A/B decisions.
 *
 * @param arms by experiment, then arm, both in name order
 */
public record AbResult(Duration attributionWindow, long decisionsOutsideExperiments, List<ArmOutcome> arms) {

  public AbResult {
    arms = List.copyOf(arms);
  }
}
