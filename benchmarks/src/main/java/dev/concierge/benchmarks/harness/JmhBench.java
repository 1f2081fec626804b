package dev.concierge.benchmarks.harness;

import dev.concierge.benchmarks.Cli;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code bin/concierge bench jmh NAME [JMH options]}: one JMH benchmark class, in a JVM of the bench's JDK. */
@Command(name = "jmh", versionProvider = Cli.Version.class,
    header = "a JMH benchmark class, e.g. ScorerBenchmark, SerializationBenchmark (JMH options follow)",
    description = {
        "Runs the JMH benchmarks of one class (org.openjdk.jmh.Main NAME ...) on the bench's JDK; BENCHMARKS.md has"
            + " their results. Every argument after NAME is a JMH option, e.g. -f 1 -wi 0 -i 1 for a smoke run, or"
            + " -prof gc; JMH's own help lists them: bin/concierge bench jmh NAME -h.",
        ""})
final class JmhBench extends BenchmarkCommand {

  private static final String JMH_MAIN = "org.openjdk.jmh.Main";

  // not -h and -V, which are JMH's
  @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
  private boolean help;

  @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
  private boolean version;

  @Parameters(index = "0", paramLabel = "NAME",
      description = "the class: ScorerBenchmark, SerializationBenchmark or FeatureUpdateBenchmark")
  private String benchmark;

  @Unmatched
  private List<String> jmhOptions = new ArrayList<>();

  @Override
  protected int measure(BenchRun run) {
    List<String> args = new ArrayList<>(List.of(benchmark));
    args.addAll(jmhOptions);
    return run.runHere("jmh", run.commands().harness(List.of(), JMH_MAIN, args));
  }
}
