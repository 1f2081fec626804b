package dev.concierge.offline.simulation;

import java.util.SplittableRandom;

/**
 * How much a shopper shops, fixed for the whole run: their share of the run's events and how long
 * their visits last. What they like is in {@link LatentTastes}.
 *
 * @param activity          how much of the run's events this shopper produces, relative to the others
 * @param meanSessionEvents the events of their average visit
 */
record ShopperTraits(double activity, double meanSessionEvents) {

  /** Log-normal spread of activity: a few shoppers do many times the median's events. */
  private static final double ACTIVITY_SPREAD = 1.0;
  private static final double MEDIAN_ACTIVITY = 1.0;
  private static final double MEDIAN_SESSION_EVENTS = 8;
  private static final double SESSION_EVENTS_SPREAD = 0.4;

  static ShopperTraits draw(SplittableRandom random) {
    return new ShopperTraits(
        Draws.logNormal(random, MEDIAN_ACTIVITY, ACTIVITY_SPREAD),
        Draws.logNormal(random, MEDIAN_SESSION_EVENTS, SESSION_EVENTS_SPREAD));
  }
}
