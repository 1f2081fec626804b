package dev.concierge.offline.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Draws items of one group (a category or a hidden cluster) in proportion to their popularity,
 * optionally thinned by how much a shopper likes each one.
 */
final class PopularityPicker {

  private final int[] items;
  private final double[] cumulative;

  /**
   * @param items  catalog indexes of the group's items
   * @param weight every catalog item's popularity weight, by catalog index; all positive
   */
  PopularityPicker(int[] items, double[] weight) {
    this.items = items.clone();
    this.cumulative = new double[items.length];
    double running = 0;
    for (int i = 0; i < items.length; i++) {
      running += weight[items[i]];
      cumulative[i] = running;
    }
  }

  int size() {
    return items.length;
  }

  /**
   * An item drawn by popularity and kept with probability {@code acceptance} (rejection sampling),
   * so the result follows popularity times acceptance. Acceptance must have a positive floor.
   */
  int pick(SplittableRandom random, IntToDoubleFunction acceptance) {
    while (true) {
      int item = byPopularity(random);
      if (random.nextDouble() < acceptance.applyAsDouble(item)) {
        return item;
      }
    }
  }

  /** Like {@link #pick}, but never {@code excluded}; the group needs a second item. */
  int pickOther(SplittableRandom random, IntToDoubleFunction acceptance, int excluded) {
    while (true) {
      int item = pick(random, acceptance);
      if (item != excluded) {
        return item;
      }
    }
  }

  private int byPopularity(SplittableRandom random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int found = Arrays.binarySearch(cumulative, target);
    int slot = found >= 0 ? found + 1 : -found - 1;
    return items[Math.min(slot, items.length - 1)];
  }
}
