package dev.concierge.offline.backtest;

import java.time.Duration;
import java.util.List;

/**
 * One backtest pass.
 *
 * @param catalogSize    the catalog the coverage is a share of
 * @param replayedEvents events replayed through the feature function, both windows
 * @param cases          test-window events judged by every model (see {@link JudgedCases})
 * @param repeatCases    test-window events of the judged types left out because the shopper had touched
 *     their item before; 0 when repeats are judged
 * @param elapsed        the wall time of the replay: the feature function plus every model's scoring
 * @param models         in the order they were given
 */
public record BacktestResult(
    BacktestWindows windows,
    BacktestSettings settings,
    int catalogSize,
    long replayedEvents,
    long cases,
    long repeatCases,
    Duration elapsed,
    List<ModelMetrics> models) {

  private static final double NANOS_PER_SECOND = 1e9;

  public BacktestResult {
    models = List.copyOf(models);
  }

  /** Test-window cases judged per second of the pass, by all models together. */
  public double casesPerSecond() {
    return perSecond(cases);
  }

  public double eventsPerSecond() {
    return perSecond(replayedEvents);
  }

  private double perSecond(long count) {
    long nanos = elapsed.toNanos();
    return nanos == 0 ? 0 : count * NANOS_PER_SECOND / nanos;
  }
}
