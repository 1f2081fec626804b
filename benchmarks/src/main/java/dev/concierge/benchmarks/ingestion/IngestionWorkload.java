package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.Cli;
import dev.concierge.offline.simulation.SimulationSettings;
import picocli.CommandLine.Option;

/**
 * The simulated history an ingestion run consumes and how many customers its check compares, options that
 * {@link IngestionBenchmark} and {@code bin/concierge bench ingestion} share (a picocli mixin).
 */
public final class IngestionWorkload {

  @Option(names = "--events", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "1000000",
      description = "the history's events, as the simulator produced them; the topic must hold exactly these"
          + " (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--customers", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "100000",
      description = "the history's customers (default ${DEFAULT-VALUE})")
  int customers;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "the simulation's seed (default ${DEFAULT-VALUE}; its period is the default one)")
  long seed;

  @Option(names = "--check", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "500",
      description = "customers whose event counts are compared with the simulation's (default ${DEFAULT-VALUE})")
  int check;

  /** A label of runs, as {@link IngestionRun#label} takes one. */
  public static final class Label extends Cli.Parsed<String> {
    public Label() {
      super(IngestionRun::label);
    }
  }

  /** The simulated history: its customers, events and seed. */
  public SimulationSettings simulation() {
    return SimulationSettings.of(customers, events, seed);
  }
}
