package dev.concierge.offline.backtest;

/**
 * What the shoppers of one experiment arm did with the decisions they were shown.
 *
 * @param clickThrough decisions with a click or purchase of a shown item within the attribution window
 * @param purchase     decisions with a purchase of a shown item within the attribution window
 */
public record ArmOutcome(String experiment, String arm, Proportion clickThrough, Proportion purchase) {

  public long decisions() {
    return clickThrough.trials();
  }
}
