package dev.concierge.offline.backtest;

import java.time.Instant;
import java.util.List;

/**
 * What the backtest measured for one model.
 *
 * @param dataUntil  the end of the history the model learnt from
 * @param coverageAt catalog coverage at index K - 1: the share of the catalog that appeared in some
 *     top K the model returned
 * @param overTime   the quality per time bucket, oldest first; buckets without cases are left out
 */
public record ModelMetrics(
    String name,
    Instant dataUntil,
    RankQuality quality,
    List<Double> coverageAt,
    LatencySummary latency,
    List<TimeBucket> overTime) {

  public ModelMetrics {
    coverageAt = List.copyOf(coverageAt);
    overTime = List.copyOf(overTime);
  }

  public double coverage(int k) {
    return coverageAt.get(k - 1);
  }
}
