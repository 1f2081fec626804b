package dev.concierge.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one rate step measured: the rate asked for, the rate answered, and the latency percentiles in
 * milliseconds from each request's due time. Failed requests (no answer, or not a 2xx) are counted,
 * not timed. Fallback answers (popular items, because the personal answer missed its deadline) are
 * timed and counted. {@code cpu} is what the design's processes used over the measured part of the step,
 * everything they did meanwhile included (for our node, ingesting the background events). A step at rate 0
 * sends nothing: it measures what the design costs with the background events alone, its idle cost.
 */
record LoadStep(
    int rate, double achieved, long requests, long errors, long fallbacks, double p50, double p99, double p999,
    double max, CpuWindow.Used cpu) {

  /** Below this share of the rate asked for, a step is saturated: the design did not keep up. */
  static final double SATURATED_BELOW = 0.95;
  private static final double MICROS_PER_MILLI = 1_000.0;
  private static final double MILLIS_PER_SECOND = 1_000.0;
  private static final double PERCENT = 100.0;

  static LoadStep of(
      int rate, double achieved, long requests, long errors, long fallbacks, Histogram micros, CpuWindow.Used cpu) {
    return new LoadStep(rate, achieved, requests, errors, fallbacks,
        millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(99)),
        millis(micros.getValueAtPercentile(99.9)), millis(micros.getMaxValue()), cpu);
  }

  /** The step at rate 0: no requests, no latencies, only what the design used meanwhile. */
  static LoadStep idle(CpuWindow.Used cpu) {
    return new LoadStep(0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, cpu);
  }

  boolean isIdle() {
    return rate == 0;
  }

  /**
   * Whether the design did not keep up: it answered less than 95 % of the rate asked for. The achieved rate counts
   * until the last answer, so a backlog that grows over the step lowers it too; the latencies of a saturated step
   * measure the queue, not the service.
   */
  boolean saturated() {
    return !isIdle() && achieved < SATURATED_BELOW * rate;
  }

  /** The decisions answered: the requests that did not fail. */
  long answered() {
    return requests - errors;
  }

  /** Fallback answers as a percentage of all requests. */
  double fallbackPercent() {
    return requests == 0 ? 0 : PERCENT * fallbacks / requests;
  }

  /** The design's CPU time per answered decision, its background work included (NaN when not measured). */
  double cpuMillisPerDecision() {
    return perDecision(cpu.millis());
  }

  /**
   * What a decision adds: the design's CPU time over the step less what it used at rate 0 in as much time
   * ({@code idle}'s cores times this step's seconds), per answered decision.
   */
  double marginalCpuMillisPerDecision(LoadStep idle) {
    return perDecision(cpu.millis() - idle.cpu.cores() * MILLIS_PER_SECOND * cpu.seconds());
  }

  /** The design's threads' context switches per answered decision (NaN when not measured). */
  double contextSwitchesPerDecision() {
    return perDecision(cpu.contextSwitches());
  }

  double contextSwitchesPerSecond() {
    return cpu.contextSwitches() / cpu.seconds();
  }

  double machineBusyPercent() {
    return PERCENT * cpu.machineBusy();
  }

  private double perDecision(double total) {
    return answered() == 0 ? Double.NaN : total / answered();
  }

  private static double millis(long micros) {
    return micros / MICROS_PER_MILLI;
  }
}
