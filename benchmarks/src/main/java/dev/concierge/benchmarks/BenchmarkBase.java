package dev.concierge.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Settings every benchmark shares: one fork and short iterations, sized for a 2-core machine that other
 * builds share. Single runs are noisy there, so run a benchmark several times and report medians
 * (BENCHMARKS.md). Command-line options override these, e.g. {@code -f 1 -wi 0 -i 1} for a smoke run.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class BenchmarkBase {

  /** Runs the benchmarks of one class, with JMH's command-line options from {@code args}. */
  protected static void run(Class<? extends BenchmarkBase> benchmark, String... args)
      throws RunnerException, CommandLineOptionException {
    new Runner(
            new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(benchmark.getName())
                .build())
        .run();
  }
}
