package dev.concierge.offline.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of cases by the rank their item got: every rank metric of a single relevant item follows
 * from these maxK + 1 numbers, so a time bucket costs one small array.
 */
final class RankCounts {

  /** The rank of an item the list did not hold. */
  static final int NOT_FOUND = 0;

  private final long[] casesAtRank;
  private long cases;

  RankCounts(int maxK) {
    this.casesAtRank = new long[maxK];
  }

  /** @param rank the 1-based rank of the case's item, or {@link #NOT_FOUND} */
  void record(int rank) {
    cases++;
    if (rank != NOT_FOUND) {
      casesAtRank[rank - 1]++;
    }
  }

  RankQuality quality() {
    List<Double> hitRates = new ArrayList<>(casesAtRank.length);
    List<Double> ndcgs = new ArrayList<>(casesAtRank.length);
    long hits = 0;
    double gain = 0;
    double reciprocalRanks = 0;
    for (int rank = 1; rank <= casesAtRank.length; rank++) {
      long found = casesAtRank[rank - 1];
      hits += found;
      gain += found / log2(rank + 1);
      reciprocalRanks += (double) found / rank;
      hitRates.add(mean(hits));
      ndcgs.add(mean(gain));
    }
    return new RankQuality(cases, hitRates, ndcgs, mean(reciprocalRanks));
  }

  private double mean(double total) {
    return cases == 0 ? 0 : total / cases;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
