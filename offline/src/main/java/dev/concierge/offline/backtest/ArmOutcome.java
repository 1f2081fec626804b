package dev.concierge.offline.backtest;

import java.util.Objects;

/**
 * What the shoppers of one experiment arm did with the decisions they were shown.
 *
 * @param clickThrough decisions with a click or purchase of a shown item, joined by decision id or else by
 *     the attribution window
 * @param purchase     decisions with a purchase of a shown item, joined the same way
 * @param joins        how many of the credited events were joined by decision id and how many by the window
 */
public record ArmOutcome(String experiment, String arm, Proportion clickThrough, Proportion purchase, JoinCounts joins) {

  public ArmOutcome {
    Objects.requireNonNull(joins, "joins");
  }

  public long decisions() {
    return clickThrough.trials();
  }
}
