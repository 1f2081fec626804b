package dev.concierge.benchmarks.harness;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A benchmark of {@code bin/concierge bench}: its work, in a run of its own that {@link Bench} opens and closes. */
abstract class BenchmarkCommand implements Callable<Integer> {

  @ParentCommand
  private Bench bench;

  @Spec
  private CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    return bench.measure(this);
  }

  /** Measures in {@code run}; returns the exit code. */
  protected abstract int measure(BenchRun run) throws Exception;

  /** The options as parsed, for those passed on as typed. */
  protected final CommandSpec spec() {
    return spec;
  }
}
