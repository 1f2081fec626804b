package dev.concierge.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one rate step measured: the rate asked for, the rate answered, and the latency percentiles in
 * milliseconds from each request's due time. Failed requests (no answer, or not a 2xx) are counted,
 * not timed.
 */
record LoadStep(int rate, double achieved, long requests, long errors, double p50, double p99, double p999, double max) {

  private static final double MICROS_PER_MILLI = 1_000.0;

  static LoadStep of(int rate, double achieved, long requests, long errors, Histogram micros) {
    return new LoadStep(rate, achieved, requests, errors,
        millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(99)),
        millis(micros.getValueAtPercentile(99.9)), millis(micros.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / MICROS_PER_MILLI;
  }
}
