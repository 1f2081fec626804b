package dev.concierge.offline.backtest;

import dev.concierge.models.EventTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates one model's backtest metrics, case by case: rank quality (HR@K, NDCG@K, MRR) overall
 * and per time bucket, catalog coverage, and scoring latency. Memory grows with the distinct items
 * recommended and the time buckets, not with the cases. Not thread-safe: one replay feeds it.
 */
public final class RankingMetrics {

  private final int maxK;
  private final long bucketMillis;
  private final RankCounts overall;
  private final Map<Long, RankCounts> byBucket = new TreeMap<>();
  // the best rank each item ever got: coverage at every K from one map
  private final Map<String, Integer> bestRank = new HashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();

  public RankingMetrics(BacktestSettings settings) {
    this.maxK = settings.maxK();
    this.bucketMillis = settings.bucketWidth().toMillis();
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
    long bucket = Math.floorDiv(EventTime.millisOf(at), bucketMillis) * bucketMillis;
    byBucket.computeIfAbsent(bucket, start -> new RankCounts(maxK)).record(rank);
    latency.record(latencyNanos);
  }

  /** @param catalogSize the items that could have been recommended, for coverage */
  public ModelMetrics snapshot(String name, Instant dataUntil, int catalogSize) {
    List<TimeBucket> overTime = new ArrayList<>(byBucket.size());
    byBucket.forEach((start, counts) -> overTime.add(new TimeBucket(Instant.ofEpochMilli(start), counts.quality())));
    return new ModelMetrics(name, dataUntil, overall.quality(), coverage(catalogSize), latency.summary(), overTime);
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
