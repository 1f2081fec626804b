package dev.concierge.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one rate step measured: the rate asked for, the rate answered, and the latency percentiles in
 * milliseconds from each request's due time. Failed requests (no answer, or not a 2xx) are counted,
 * not timed. Fallback answers (popular items, because the personal answer missed its deadline) are
 * timed and counted. {@code cpuMillisPerDecision} is the CPU time of the design's processes over the
 * measured part of the step per answered decision, everything it did meanwhile included (for our node,
 * ingesting the background events; NaN when its processes were not named), and {@code machineBusy} the busy
 * share of the machine's cores over that time.
 */
record LoadStep(
    int rate, double achieved, long requests, long errors, long fallbacks, double p50, double p99, double p999,
    double max, double cpuMillisPerDecision, double machineBusy) {

  private static final double MICROS_PER_MILLI = 1_000.0;
  private static final double PERCENT = 100.0;

  static LoadStep of(
      int rate, double achieved, long requests, long errors, long fallbacks, Histogram micros,
      double cpuMillisPerDecision, double machineBusy) {
    return new LoadStep(rate, achieved, requests, errors, fallbacks,
        millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(99)),
        millis(micros.getValueAtPercentile(99.9)), millis(micros.getMaxValue()), cpuMillisPerDecision, machineBusy);
  }

  /** Fallback answers as a percentage of all requests. */
  double fallbackPercent() {
    return requests == 0 ? 0 : PERCENT * fallbacks / requests;
  }

  double machineBusyPercent() {
    return PERCENT * machineBusy;
  }

  private static double millis(long micros) {
    return micros / MICROS_PER_MILLI;
  }
}
