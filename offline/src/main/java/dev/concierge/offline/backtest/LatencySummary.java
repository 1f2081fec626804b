package dev.concierge.offline.backtest;

/**
 * How long a model took per decision, in nanoseconds. Percentiles are within 1/16 of the true value
 * (see {@link LatencyHistogram}); {@code max} and the total are exact.
 */
public record LatencySummary(long decisions, long totalNanos, long p50, long p90, long p99, long max) {

  private static final double NANOS_PER_SECOND = 1e9;

  /** Decisions per second of scoring time alone, 0 when nothing was timed. */
  public double decisionsPerSecond() {
    return totalNanos == 0 ? 0 : decisions * NANOS_PER_SECOND / totalNanos;
  }
}
