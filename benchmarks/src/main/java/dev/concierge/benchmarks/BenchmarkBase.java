package dev.concierge.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

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

  /** The command line of a benchmark class's {@code main}: its arguments are JMH's options. */
  protected static CommandLine command(Class<? extends BenchmarkBase> benchmark) {
    return new CommandLine(new JmhRun(benchmark)).setCommandName(benchmark.getSimpleName());
  }

  @Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
      description = {
          "Runs the JMH benchmarks of this class. Every other argument is a JMH option, e.g. -f 1 -wi 0 -i 1 for a"
              + " smoke run, or -prof gc; org.openjdk.jmh.Main -h lists them.",
          ""})
  static final class JmhRun implements Callable<Integer> {

    private final Class<? extends BenchmarkBase> benchmark;

    @Spec
    private CommandSpec spec;

    @Unmatched
    private final List<String> jmhOptions = new ArrayList<>();

    JmhRun(Class<? extends BenchmarkBase> benchmark) {
      this.benchmark = benchmark;
    }

    @Override
    public Integer call() throws Exception {
      CommandLineOptions options;
      try {
        options = new CommandLineOptions(jmhOptions.toArray(String[]::new));
      } catch (CommandLineOptionException e) {
        throw new ParameterException(spec.commandLine(), "JMH: " + e.getMessage());
      }
      new Runner(new OptionsBuilder().parent(options).include(benchmark.getName()).build()).run();
      return 0;
    }
  }
}
