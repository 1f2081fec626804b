package dev.concierge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.baseline.FeatureWriter;
import dev.concierge.benchmarks.baseline.ModelServer;
import dev.concierge.benchmarks.footprint.EntityFootprint;
import dev.concierge.benchmarks.harness.Bench;
import dev.concierge.benchmarks.ingestion.IngestionBenchmark;
import dev.concierge.benchmarks.load.ConsumerLagWait;
import dev.concierge.benchmarks.load.DecisionBenchmark;
import dev.concierge.benchmarks.load.FreshnessBenchmark;
import dev.concierge.benchmarks.replay.ReplayThroughput;
import dev.concierge.benchmarks.serialization.SerializedSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What every main of the harness promises on its command line: help, version, and usage errors that exit 2. */
class CommandLinesTest {

  private static final String UNKNOWN = "--no-such-option";

  /**
   * A main's command line.
   *
   * @param parent   the arguments of the parent command, the subcommand's name last; empty for a command alone
   * @param required the options the command cannot run without, which picocli asks for before it names an unknown one
   * @param unknown  what the error says of an unknown option
   */
  record Main(String name, Supplier<CommandLine> line, List<String> parent, List<String> required, String unknown) {

    static Main of(String name, Supplier<CommandLine> line, String... required) {
      return new Main(name, line, List.of(), List.of(required), "Unknown option: '" + UNKNOWN + "'");
    }

    /** A benchmark of bin/concierge bench: its command line is checked before anything starts. */
    static Main bench(String benchmark) {
      return new Main("bench " + benchmark, () -> Bench.commandLine(Map.of(), System.err), List.of(benchmark),
          List.of(), "Unknown option: '" + UNKNOWN + "'");
    }

    CommandRun run(String... args) {
      List<String> all = new ArrayList<>(parent);
      all.addAll(List.of(args));
      return CommandRun.of(line.get(), all.toArray(String[]::new));
    }

    /** The command the arguments after the parent's are for. */
    CommandSpec spec() {
      CommandLine command = line.get();
      return parent.isEmpty() ? command.getCommandSpec()
          : command.getSubcommands().get(parent.get(parent.size() - 1)).getCommandSpec();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Main> mains() {
    return Stream.of(
        Main.of("DecisionBenchmark", () -> new CommandLine(new DecisionBenchmark())),
        Main.of("FreshnessBenchmark", () -> new CommandLine(new FreshnessBenchmark()),
            "--target", "ours=http://127.0.0.1:18080"),
        Main.of("ConsumerLagWait", () -> new CommandLine(new ConsumerLagWait()), "--group", "concierge-ingestion"),
        Main.of("IngestionBenchmark", () -> new CommandLine(new IngestionBenchmark())),
        Main.of("EntityFootprint", () -> new CommandLine(new EntityFootprint())),
        Main.of("ModelServer", () -> new CommandLine(new ModelServer())),
        Main.of("FeatureWriter", () -> new CommandLine(new FeatureWriter())),
        Main.of("ReplayThroughput", () -> new CommandLine(new ReplayThroughput())),
        Main.of("SerializedSizes", () -> new CommandLine(new SerializedSizes())),
        // JMH's options pass through: JMH names the one it does not know
        new Main("ScorerBenchmark", () -> BenchmarkBase.command(ScorerBenchmark.class), List.of(), List.of(),
            "JMH: " + UNKNOWN.substring(2) + " is not a recognized option"),
        Main.bench("decisions"),
        Main.bench("ingestion"),
        Main.bench("footprint"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mains")
  void helpExitsZeroAndNamesEveryOption(Main main) {
    CommandRun run = main.run("--help");

    assertEquals(0, run.exit(), run.err());
    for (OptionSpec option : main.spec().options()) {
      assertTrue(run.out().contains(option.longestName()), option.longestName() + " missing from\n" + run.out());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mains")
  void versionIsTheMavenProjectVersion(Main main) {
    CommandRun run = main.run("--version");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().strip().matches("Concierge benchmarks \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mains")
  void anOptionWithoutItsValueIsAUsageError(Main main) {
    for (OptionSpec option : main.spec().options()) {
      if (option.arity().min() > 0) {
        CommandRun run = main.run(option.longestName());

        assertEquals(2, run.exit(), option.longestName() + ": " + run.err());
        assertTrue(run.err().startsWith("Missing required parameter for option '" + option.longestName() + "'"),
            run.err());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mains")
  void anUnknownOptionIsAUsageError(Main main) {
    List<String> args = new ArrayList<>(main.required());
    args.add(UNKNOWN);
    CommandRun run = main.run(args.toArray(String[]::new));

    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains(main.unknown()), run.err());
  }
}
