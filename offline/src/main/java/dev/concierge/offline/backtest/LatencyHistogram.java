package dev.concierge.offline.backtest;

/**
 * Latencies in log-linear buckets: each power of two is cut into 16 equal buckets, so a percentile is
 * off by at most 1/16 (6.25%) of its value, exact below 32 ns, in a fixed array of 960 counts however
 * many decisions are timed. Like HdrHistogram's layout, without the dependency.
 */
final class LatencyHistogram {

  private static final int SUB_BUCKET_BITS = 4;
  private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
  // values below two sub-bucket ranges are their own bucket; above, every power of two gets SUB_BUCKETS
  private static final int EXACT_BELOW = 2 * SUB_BUCKETS;
  private static final int BUCKETS = (Long.SIZE - SUB_BUCKET_BITS) * SUB_BUCKETS;
  private static final double P50 = 0.50;
  private static final double P90 = 0.90;
  private static final double P99 = 0.99;

  private final long[] counts = new long[BUCKETS];
  private long samples;
  private long totalNanos;
  private long max;

  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[bucketOf(value)]++;
    samples++;
    totalNanos += value;
    max = Math.max(max, value);
  }

  LatencySummary summary() {
    return new LatencySummary(samples, totalNanos, percentile(P50), percentile(P90), percentile(P99), max);
  }

  /** The smallest recorded bucket's top such that at least {@code quantile} of the samples lie at or below it. */
  long percentile(double quantile) {
    if (samples == 0) {
      return 0;
    }
    long wanted = Math.max(1, (long) Math.ceil(quantile * samples));
    long seen = 0;
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      seen += counts[bucket];
      if (seen >= wanted) {
        return Math.min(highestIn(bucket), max);
      }
    }
    return max;
  }

  static int bucketOf(long value) {
    int shift = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(value) - 1 - SUB_BUCKET_BITS);
    return (shift << SUB_BUCKET_BITS) + (int) (value >>> shift);
  }

  /** The largest value that falls into {@code bucket}. */
  static long highestIn(int bucket) {
    int shift = bucket < EXACT_BELOW ? 0 : (bucket >>> SUB_BUCKET_BITS) - 1;
    long mantissa = bucket - ((long) shift << SUB_BUCKET_BITS);
    // for the topmost bucket this wraps past Long.MAX_VALUE and back to it
    return ((mantissa + 1) << shift) - 1;
  }
}
