package dev.concierge.engine.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Timers published as Prometheus' classic histograms with the buckets configured for them: an SLO is
 * read from its bucket ({@code le="0.005"}) exactly, and the p99 estimated between buckets chosen around
 * it, where Micrometer's own percentile histogram would spread ~70 buckets over every series.
 */
final class Histograms {

  private Histograms() {}

  static Timer.Builder withBuckets(Timer.Builder timer, List<Duration> buckets) {
    return timer.serviceLevelObjectives(buckets.toArray(Duration[]::new));
  }
}
