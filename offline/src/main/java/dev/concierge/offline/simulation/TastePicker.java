package dev.concierge.offline.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * One shopper's choices among items: each item weighs {@code popularity × exp(taste) × priceFit}
 * (see {@link LatentTastes#utility}), whether the shopper picks from the whole catalog or from the
 * few items they are browsing.
 */
final class TastePicker {

  /** Draws from the whole catalog give up after this many items that were not allowed. */
  private static final int MAX_DRAWS = 1_000;

  private final LatentTastes tastes;
  private final Assortment assortment;
  private final int shopper;
  /** The shopper's highest taste score: weights are scaled by it so that they stay within (0, 1]. */
  private double maxTaste;
  /** Each category's total weight for this shopper, running: drawn lazily, as idle shoppers need none. */
  private double[] cumulativeCategoryWeight;
  /**
   * The running weights within the categories of the visit in progress, by category (null for the
   * others): a visit keeps coming back to its categories, and weighing each item again for every pick
   * would cost more than the rest of the simulation. Dropped when the visit ends, so memory stays
   * with the shoppers who are on the site.
   */
  private double[][] visitCategoryWeights;
  private int[] visitCategories;
  private int visitCategoryCount;

  TastePicker(LatentTastes tastes, Assortment assortment, int shopper) {
    this.tastes = tastes;
    this.assortment = assortment;
    this.shopper = shopper;
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
   * An item of the whole catalog that {@code allowed} accepts, drawn by its weight: a category by
   * its items' total weight, then an item within it. -1 when none was found.
   */
  int pickAnywhere(SplittableRandom random, IntPredicate allowed) {
    double[] cumulative = cumulativeCategoryWeight();
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      double target = random.nextDouble() * cumulative[cumulative.length - 1];
      int category = 0;
      while (category < cumulative.length - 1 && cumulative[category] <= target) {
        category++;
      }
      int item = pickInCategory(category, -1, random);
      if (item >= 0 && allowed.test(item)) {
        return item;
      }
    }
    return -1;
  }

  /** An item of the category other than {@code excluded}, drawn by its weight; -1 when it holds nothing else. */
  int pickInCategory(int category, int excluded, SplittableRandom random) {
    int[] members = assortment.categoryMembers(category);
    if (members.length == 1) {
      return members[0] == excluded ? -1 : members[0];
    }
    double[] cumulative = visitWeights(category, members);
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      int slot = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
      int item = members[Math.min(slot >= 0 ? slot + 1 : -slot - 1, members.length - 1)];
      if (item != excluded) {
        return item;
      }
    }
    return pickAmong(members, excluded, random);
  }

  /** Forgets the visit's weights: the shopper has left. */
  void endVisit() {
    for (int i = 0; i < visitCategoryCount; i++) {
      visitCategoryWeights[visitCategories[i]] = null;
    }
    visitCategoryCount = 0;
  }

  /**
   * An item of {@code group} other than {@code excluded}, drawn by its weight in one pass (weighted
   * reservoir sampling); -1 when the group holds nothing else.
   */
  int pickAmong(int[] group, int excluded, SplittableRandom random) {
    cumulativeCategoryWeight(); // knows the shopper's favourite, which scales the weights
    int picked = -1;
    double total = 0;
    for (int item : group) {
      if (item != excluded) {
        double weight = weightOf(item);
        total += weight;
        if (random.nextDouble() * total < weight) {
          picked = item;
        }
      }
    }
    return picked;
  }

  private double[] visitWeights(int category, int[] members) {
    if (visitCategoryWeights == null) {
      visitCategoryWeights = new double[assortment.categoryCount()][];
      visitCategories = new int[assortment.categoryCount()];
    }
    double[] cumulative = visitCategoryWeights[category];
    if (cumulative == null) {
      cumulativeCategoryWeight();
      cumulative = new double[members.length];
      double running = 0;
      for (int i = 0; i < members.length; i++) {
        running += weightOf(members[i]);
        cumulative[i] = running;
      }
      visitCategoryWeights[category] = cumulative;
      visitCategories[visitCategoryCount++] = category;
    }
    return cumulative;
  }

  /** popularity × exp(taste) × price fit, scaled by the shopper's favourite. */
  private double weightOf(int item) {
    return assortment.popularity(item) * StrictMath.exp(tastes.taste(shopper, item) - maxTaste)
        * tastes.priceFit(shopper, item);
  }

  private double[] cumulativeCategoryWeight() {
    if (cumulativeCategoryWeight == null) {
      double max = Double.NEGATIVE_INFINITY;
      for (int item = 0; item < assortment.size(); item++) {
        max = Math.max(max, tastes.taste(shopper, item));
      }
      maxTaste = max;
      double[] cumulative = new double[assortment.categoryCount()];
      double running = 0;
      for (int category = 0; category < cumulative.length; category++) {
        for (int item : assortment.categoryMembers(category)) {
          running += weightOf(item);
        }
        cumulative[category] = running;
      }
      cumulativeCategoryWeight = cumulative;
    }
    return cumulativeCategoryWeight;
  }
}
