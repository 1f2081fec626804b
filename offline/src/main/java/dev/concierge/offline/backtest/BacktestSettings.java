package dev.concierge.offline.backtest;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Objects;

/**
 * How a backtest judges, read from {@code concierge.backtest}.
 *
 * @param maxK        the longest list judged: HR@K and NDCG@K are measured for K = 1..maxK; at least
 *     {@link #HEADLINE_K}
 * @param bucketWidth the width of the "metrics over time" buckets, aligned to the epoch (so a day
 *     starts at UTC midnight)
 * @param cases       which test-window events are judged
 * @param trainShare  the share of the history's events before the split when none is given: the split
 *     falls at that quantile of the event times
 * @param bootstrap   how the intervals of HR@{@value #HEADLINE_K} and of the lifts are resampled
 */
public record BacktestSettings(
    int maxK, Duration bucketWidth, JudgedCases cases, double trainShare, Bootstrap.Settings bootstrap) {

  /** The list length of the headline metrics, their intervals and the lifts: the JSON contract names it ({@code hr@10}). */
  public static final int HEADLINE_K = 10;

  public BacktestSettings {
    Objects.requireNonNull(bucketWidth, "bucketWidth");
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(bootstrap, "bootstrap");
    if (maxK < HEADLINE_K) {
      throw new IllegalArgumentException(
          "maxK must be at least " + HEADLINE_K + ", the headline list length, was " + maxK);
    }
    if (bucketWidth.toMillis() < 1) {
      throw new IllegalArgumentException("bucketWidth must be at least a millisecond, was " + bucketWidth);
    }
    if (!(trainShare > 0 && trainShare < 1)) {
      throw new IllegalArgumentException("trainShare must lie strictly between 0 and 1, was " + trainShare);
    }
  }

  public static BacktestSettings fromConfig(Config concierge) {
    Config backtest = concierge.getConfig("backtest");
    return new BacktestSettings(
        backtest.getInt("max-k"),
        backtest.getDuration("bucket-width"),
        JudgedCases.HONEST,
        backtest.getDouble("train-share"),
        new Bootstrap.Settings(backtest.getInt("bootstrap.resamples"), backtest.getLong("bootstrap.seed")));
  }

  /** These settings judging {@code judged} cases instead. */
  public BacktestSettings judging(JudgedCases judged) {
    return new BacktestSettings(maxK, bucketWidth, judged, trainShare, bootstrap);
  }
}
