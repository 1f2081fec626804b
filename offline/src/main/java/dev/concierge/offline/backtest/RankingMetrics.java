package dev.concierge.offline.backtest;

import dev.concierge.models.EventTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates one model's backtest metrics, case by case: rank quality (HR@K, NDCG@K, MRR) overall
 * and per time bucket, catalog coverage, and scoring latency; and each case's rank, for the bootstrap
 * intervals. Memory grows with the distinct items recommended, the time buckets, and four bytes a
 * case. Not thread-safe: one replay feeds it.
 */
public final class RankingMetrics {

  private static final int INITIAL_CASES = 1024;

  private final int maxK;
  private final long bucketMillis;
  private final RankCounts overall;
  private final Map<Long, RankCounts> byBucket = new TreeMap<>();
  // the best rank each item ever got: coverage at every K from one map
  private final Map<String, Integer> bestRank = new HashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  // the rank of each case in the order recorded, RankCounts.NOT_FOUND for a miss
  private int[] ranks = new int[INITIAL_CASES];
  private int cases;

  /**
   * @param maxK        the longest list judged
   * @param bucketWidth the width of the time buckets, aligned to the epoch
   */
  public RankingMetrics(int maxK, Duration bucketWidth) {
    this.maxK = maxK;
    this.bucketMillis = bucketWidth.toMillis();
    this.overall = new RankCounts(maxK);
  }

  /**
   * One case: the model answered {@code ranked} for a moment when the shopper went on to click or buy
   * {@code relevantItemId}.
   *
   * @param ranked the model's list, best first; only its first maxK items count
   */
  public void record(Instant at, List<String> ranked, String relevantItemId, long latencyNanos) {
    int judged = Math.min(ranked.size(), maxK);
    int rank = RankCounts.NOT_FOUND;
    for (int i = 0; i < judged; i++) {
      String itemId = ranked.get(i);
      bestRank.merge(itemId, i + 1, Math::min);
      if (rank == RankCounts.NOT_FOUND && itemId.equals(relevantItemId)) {
        rank = i + 1;
      }
    }
    overall.record(rank);
    if (cases == ranks.length) {
      ranks = Arrays.copyOf(ranks, cases * 2);
    }
    ranks[cases++] = rank;
    long bucket = Math.floorDiv(EventTime.millisOf(at), bucketMillis) * bucketMillis;
    byBucket.computeIfAbsent(bucket, start -> new RankCounts(maxK)).record(rank);
    latency.record(latencyNanos);
  }

  /** The cases whose item was within the top {@code k}, by the order they were recorded in. */
  public BitSet hitsWithin(int k) {
    BitSet hits = new BitSet(cases);
    for (int i = 0; i < cases; i++) {
      if (ranks[i] != RankCounts.NOT_FOUND && ranks[i] <= k) {
        hits.set(i);
      }
    }
    return hits;
  }

  /**
   * @param catalogSize     the items that could have been recommended, for coverage
   * @param headlineHitRate HR@{@value BacktestSettings#HEADLINE_K} with its interval, from the bootstrap
   * @param lifts           over each baseline judged beside this model
   */
  public ModelMetrics snapshot(
      String name, Instant dataUntil, int catalogSize, Interval headlineHitRate, List<Lift> lifts) {
    List<TimeBucket> overTime = new ArrayList<>(byBucket.size());
    byBucket.forEach((start, counts) -> overTime.add(new TimeBucket(Instant.ofEpochMilli(start), counts.quality())));
    return new ModelMetrics(
        name, dataUntil, overall.quality(), headlineHitRate, lifts, coverage(catalogSize), latency.summary(), overTime);
  }

  private List<Double> coverage(int catalogSize) {
    long[] firstAtRank = new long[maxK];
    bestRank.values().forEach(rank -> firstAtRank[rank - 1]++);
    List<Double> coverage = new ArrayList<>(maxK);
    long covered = 0;
    for (long items : firstAtRank) {
      covered += items;
      coverage.add(catalogSize == 0 ? 0 : (double) covered / catalogSize);
    }
    return coverage;
  }
}
