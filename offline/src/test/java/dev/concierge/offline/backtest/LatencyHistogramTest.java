package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  private static final double WORST_RELATIVE_ERROR = 1 / 16.0;
  private static final int SAMPLES = 100_000;
  private static final long MAX_NANOS = 50_000_000;

  @Test
  void smallValuesAreExact() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long nanos = 1; nanos <= 31; nanos++) {
      histogram.record(nanos);
    }
    assertEquals(16, histogram.percentile(0.5));
    assertEquals(31, histogram.percentile(1.0));
  }

  @Test
  void everyValueFallsIntoTheBucketThatEndsAtOrAboveIt() {
    long[] values = {0, 1, 31, 32, 33, 1_000, 65_535, 65_536, 123_456_789, Long.MAX_VALUE};
    for (long value : values) {
      int bucket = LatencyHistogram.bucketOf(value);
      assertTrue(value <= LatencyHistogram.highestIn(bucket), "top of the bucket of " + value);
      assertTrue(bucket == 0 || LatencyHistogram.highestIn(bucket - 1) < value, "bucket below " + value);
    }
  }

  @Test
  void percentilesAreWithinOneSixteenthOfTheExactOnes() {
    SplittableRandom random = new SplittableRandom(3);
    long[] latencies = new long[SAMPLES];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < SAMPLES; i++) {
      // log-uniform, as latencies spread over orders of magnitude
      latencies[i] = (long) Math.exp(random.nextDouble() * Math.log(MAX_NANOS));
      histogram.record(latencies[i]);
    }
    Arrays.sort(latencies);
    for (double quantile : new double[] {0.5, 0.9, 0.99}) {
      long exact = latencies[(int) Math.ceil(quantile * SAMPLES) - 1];
      long estimate = histogram.percentile(quantile);
      assertTrue(estimate >= exact && estimate <= exact * (1 + WORST_RELATIVE_ERROR),
          quantile + ": " + estimate + " vs exact " + exact);
    }
    assertEquals(latencies[SAMPLES - 1], histogram.summary().max());
  }
}
