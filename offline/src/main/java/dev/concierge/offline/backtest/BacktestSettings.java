package dev.concierge.offline.backtest;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxK        the longest list judged: HR@K and NDCG@K are measured for K = 1..maxK
 * @param bucketWidth the width of the "metrics over time" buckets, aligned to the epoch (so a day
 *     starts at UTC midnight)
 */
public record BacktestSettings(int maxK, Duration bucketWidth) {

  public static final BacktestSettings DEFAULT = new BacktestSettings(20, Duration.ofDays(1));

  public BacktestSettings {
    Objects.requireNonNull(bucketWidth, "bucketWidth");
    if (maxK < 1) {
      throw new IllegalArgumentException("maxK must be at least 1, was " + maxK);
    }
    if (bucketWidth.toMillis() < 1) {
      throw new IllegalArgumentException("bucketWidth must be at least a millisecond, was " + bucketWidth);
    }
  }
}
