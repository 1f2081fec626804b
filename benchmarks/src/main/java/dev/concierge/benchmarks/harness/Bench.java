package dev.concierge.benchmarks.harness;

import dev.concierge.benchmarks.Cli;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code bin/concierge bench}, the benchmark harness's one entry point, which bin/concierge runs once the harness
 * is built: each benchmark is a subcommand that starts what it measures (the services through bin/concierge, our
 * node, the Redis baseline, the load generators) and stops all of it when it ends, fails or is interrupted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = {
        "The benchmarks of BENCHMARKS.md. Each prints its tables and writes them, with plots, under"
            + " benchmarks/target/bench/. Those against real services start their own, clean, in their own state dir"
            + " and on their own ports (see Environment), so that a running bin/concierge dev is left alone and two"
            + " runs measure the same thing; a run stops everything it started when it ends, fails or is"
            + " interrupted.",
        "bin/concierge builds the harness first when a source changed; --no-build skips that.",
        ""},
    commandListHeading = "%nBenchmarks (bin/concierge bench BENCHMARK --help lists a benchmark's options):%n",
    footerHeading = "%nEnvironment:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:the run failed (the reason on stderr)", "2:a bad command line (what to fix on stderr)"},
    subcommands = {
      DecisionsBench.class, IngestionBench.class, JmhBench.class, FootprintBench.class, GenerateCompletion.class
    })
public final class Bench implements Runnable {

  /** The exit code of a run that a signal stopped: what failed after it failed because of the stop. */
  static final int INTERRUPTED = 130;
  private static final int HELP_WIDTH = 110;
  private static final int VARIABLE_WIDTH = 32;
  private static final String COMPLETION = "generate-completion";
  private static final String LAUNCHER_SYNOPSIS = "Usage: bin/concierge ";

  private final Map<String, String> environment;
  private final PrintStream progress;
  private final BenchSettings settings;

  @Spec
  private CommandSpec spec;

  private Bench(Map<String, String> environment, PrintStream progress, BenchSettings settings) {
    this.environment = environment;
    this.progress = progress;
    this.settings = settings;
  }

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv(), System.err).execute(args));
  }

  /** The command line, with the environment bin/concierge passes (its repository and state dir among it). */
  public static CommandLine commandLine(Map<String, String> environment, PrintStream progress) {
    BenchSettings settings = BenchSettings.load();
    CommandLine line = new CommandLine(new Bench(environment, progress, settings));
    // as the tools' entry point: picocli writes the completion script, which is no benchmark to list; its
    // functions are named after the command, hence "bench", and the usage lines name the launcher before it
    line.getSubcommands().get(COMPLETION).getCommandSpec().usageMessage().hidden(true);
    synopsisUnderLauncher(line);
    line.getCommandSpec().usageMessage().footer(environmentHelp(settings));
    // a benchmark's header is its line in the list of benchmarks; its own help begins with its usage
    for (CommandLine benchmark : line.getSubcommands().values()) {
      List<String> sections = new ArrayList<>(benchmark.getHelpSectionKeys());
      sections.removeAll(List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER));
      benchmark.setHelpSectionKeys(sections);
    }
    line.setUsageHelpWidth(HELP_WIDTH);
    line.setExecutionExceptionHandler(new FailedRun(progress));
    return line;
  }

  /** Every usage line as the user types it: {@code Usage: bin/concierge bench ...}. */
  private static void synopsisUnderLauncher(CommandLine command) {
    command.getCommandSpec().usageMessage().synopsisHeading(LAUNCHER_SYNOPSIS);
    command.getSubcommands().values().forEach(Bench::synopsisUnderLauncher);
  }

  /** Without a benchmark: the help. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code benchmark} in a run of its own; after a signal, the run's failures are the stop's doing. */
  int measure(BenchmarkCommand benchmark) throws Exception {
    try (BenchRun run = BenchRun.open(environment, settings, progress)) {
      try {
        return benchmark.measure(run);
      } catch (Exception e) {
        if (run.started().signalled()) {
          return INTERRUPTED;
        }
        throw e;
      }
    }
  }

  /** The variables the bench reads, with the defaults of its settings. */
  private static String environmentHelp(BenchSettings settings) {
    TextTable table = TextTable.forColumnWidths(Help.defaultColorScheme(Help.Ansi.OFF), VARIABLE_WIDTH,
        HELP_WIDTH - VARIABLE_WIDTH);
    table.addRowValues("  " + BenchRun.BENCH_STATE_DIR_VARIABLE, "the bench's state dir (default .concierge/bench)");
    table.addRowValues("  " + BenchJava.HOME_VARIABLE, "the JDK of our node and of the baseline's JVMs, the same for"
        + " both (default: " + settings.preferredJava() + " when installed, else the Java 17 of the services)");
    table.addRowValues("  " + BenchJava.OPTIONS_VARIABLE, "their JVM flags, the same for both (default -Xms"
        + settings.decisions().heap() + " -Xmx" + settings.decisions().heap() + ", " + settings.decisions().collector()
        + " (ZGC only on Java " + settings.zgcFromJava() + "+), -XX:+AlwaysPreTouch; ingestion: "
        + settings.ingestion().heap() + " for its 100k customers, and " + settings.ingestion().collector() + ")");
    table.addRowValues("  " + LocalServices.CASSANDRA_OPTIONS_VARIABLE, "benchmarks run Cassandra with C2 ("
        + settings.cassandraJvmOptions() + ") unless this is set: the launcher's C1-only default starts faster, but"
        + " is slower to serve a long write load");
    table.addRowValues("  ports", BenchPorts.describe(settings.ports()) + "; each variable, when set, moves its port");
    return table.toString();
  }

  /** Exit code 1 and the reason in one line, as bin/concierge reports a failure. */
  private record FailedRun(PrintStream progress) implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
      progress.println("[" + BenchRun.TAG + "] ERROR: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return command.getCommandSpec().exitCodeOnExecutionException();
    }
  }
}
