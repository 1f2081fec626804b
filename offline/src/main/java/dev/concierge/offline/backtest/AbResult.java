package dev.concierge.offline.backtest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The counterfactual check of logged A/B decisions.
 *
 * @param unmatchedIds clicks and purchases whose decision id could not be joined, credited to no arm
 * @param arms         by experiment, then arm, both in name order
 */
public record AbResult(
    Duration attributionWindow, long decisionsOutsideExperiments, UnmatchedIds unmatchedIds, List<ArmOutcome> arms) {

  public AbResult {
    Objects.requireNonNull(unmatchedIds, "unmatchedIds");
    arms = List.copyOf(arms);
  }
}
