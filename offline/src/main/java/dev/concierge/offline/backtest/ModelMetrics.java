package dev.concierge.offline.backtest;

import java.time.Instant;
import java.util.List;

/**
 * What the backtest measured for one model.
 *
 * @param dataUntil  the end of the history the model learnt from
 * @param headlineHitRate HR@{@value BacktestSettings#HEADLINE_K} with its 95% bootstrap interval over the cases
 * @param lifts      the model's HR@{@value BacktestSettings#HEADLINE_K} over each baseline's, in the order
 *     the baselines were given; none over itself
 * @param coverageAt catalog coverage at index K - 1: the share of the catalog that appeared in some
 *     top K the model returned
 * @param overTime   the quality per time bucket, oldest first; buckets without cases are left out
 */
public record ModelMetrics(
    String name,
    Instant dataUntil,
    RankQuality quality,
    Interval headlineHitRate,
    List<Lift> lifts,
    List<Double> coverageAt,
    LatencySummary latency,
    List<TimeBucket> overTime) {

  public ModelMetrics {
    lifts = List.copyOf(lifts);
    coverageAt = List.copyOf(coverageAt);
    overTime = List.copyOf(overTime);
  }

  public double coverage(int k) {
    return coverageAt.get(k - 1);
  }
}
