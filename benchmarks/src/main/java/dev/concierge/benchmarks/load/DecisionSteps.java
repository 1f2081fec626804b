package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The steps of a decision benchmark, options that {@link DecisionBenchmark} and {@code bin/concierge bench
 * decisions} share (a picocli mixin).
 */
public final class DecisionSteps {

  @Option(names = "--rates", paramLabel = "R", split = ",", converter = Cli.NotNegative.class,
      defaultValue = "0,1000,2000,5000,10000",
      description = "decisions per second; 0 is a step without decisions, the background alone, which each design's"
          + " marginal CPU per decision is measured against (default ${DEFAULT-VALUE})")
  List<Integer> rates;

  @Option(names = "--warmup", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "10s",
      description = "unmeasured time at the start of each step (default ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--first-warmup", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "60s",
      description = "unmeasured load on each target at the first rate above 0 before anything is measured, so that the JIT"
          + " has compiled every design first (default ${DEFAULT-VALUE}; 0s skips it)")
  Duration firstWarmup;

  @Option(names = "--duration", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "30s",
      description = "measured time per step (default ${DEFAULT-VALUE})")
  Duration duration;

  @Option(names = "--runs", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "3",
      description = "repetitions of all steps (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--customers", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "10000",
      description = "the simulated population: requests go to sim-c-1..N (default ${DEFAULT-VALUE})")
  int customers;

  /** The rates of the steps, as given. */
  public List<Integer> rates() {
    return rates;
  }

  /** The simulated population the requests go to. */
  public int customers() {
    return customers;
  }
}
