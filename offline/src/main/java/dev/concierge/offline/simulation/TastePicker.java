package dev.concierge.offline.simulation;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * One shopper's choices among items: each item weighs {@code popularity × exp(taste) × priceFit}
 * (see {@link LatentTastes#utility}), whether the shopper picks from the whole catalog or from the
 * few items they are browsing.
 */
final class TastePicker {

  /** Draws from the whole catalog give up after this many rejected proposals (only when few items are allowed). */
  private static final int MAX_PROPOSALS = 10_000;

  private final LatentTastes tastes;
  private final Assortment assortment;
  private final int shopper;
  /** The shopper's highest taste score: weights are scaled by it so that they stay within (0, 1]. */
  private final double maxTaste;

  TastePicker(LatentTastes tastes, Assortment assortment, int shopper) {
    this.tastes = tastes;
    this.assortment = assortment;
    this.shopper = shopper;
    double max = Double.NEGATIVE_INFINITY;
    for (int item = 0; item < assortment.size(); item++) {
      max = Math.max(max, tastes.taste(shopper, item));
    }
    this.maxTaste = max;
  }

  /** In (0, 1): how likely the shopper is to act on the item, by their taste for it and its price. */
  double appeal(int item) {
    return tastes.priceFit(shopper, item) / (1 + StrictMath.exp(-tastes.taste(shopper, item)));
  }

  /** In (0, 1]: how well the item's price suits the shopper. */
  double priceFit(int item) {
    return tastes.priceFit(shopper, item);
  }

  /**
   * An item of the whole catalog that {@code allowed} accepts, drawn by its weight: proposals by
   * popularity, kept by taste and price fit (rejection sampling). -1 when none was found.
   */
  int pickAnywhere(SplittableRandom random, IntPredicate allowed) {
    for (int proposal = 0; proposal < MAX_PROPOSALS; proposal++) {
      int item = assortment.byPopularity(random);
      if (allowed.test(item) && random.nextDouble() < likingOf(item)) {
        return item;
      }
    }
    return -1;
  }

  /**
   * An item of {@code group} other than {@code excluded}, drawn by its weight in one pass (weighted
   * reservoir sampling); -1 when the group holds nothing else.
   */
  int pickAmong(int[] group, int excluded, SplittableRandom random) {
    int picked = -1;
    double total = 0;
    for (int item : group) {
      if (item != excluded) {
        double weight = assortment.popularity(item) * likingOf(item);
        total += weight;
        if (random.nextDouble() * total < weight) {
          picked = item;
        }
      }
    }
    return picked;
  }

  /** In (0, 1]: taste and price fit together, relative to the shopper's favourite. */
  private double likingOf(int item) {
    return StrictMath.exp(tastes.taste(shopper, item) - maxTaste) * tastes.priceFit(shopper, item);
  }
}
