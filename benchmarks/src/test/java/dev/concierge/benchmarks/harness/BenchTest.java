package dev.concierge.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.CommandRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** bin/concierge bench's command line: the benchmarks, their help, and what is checked before anything starts. */
class BenchTest {

  private static CommandLine bench() {
    return Bench.commandLine(Map.of(), System.err);
  }

  @Test
  void withoutABenchmarkItListsThemAllAndTheBenchsPortsAndExitsZero() {
    CommandRun run = CommandRun.of(bench());

    assertEquals(0, run.exit(), run.err());
    for (String benchmark : List.of("decisions", "ingestion", "jmh", "footprint")) {
      assertTrue(run.out().contains("\n  " + benchmark + " "), benchmark + " missing from\n" + run.out());
    }
    for (BenchPorts.Port port : BenchSettings.load().ports()) {
      assertTrue(run.out().replaceAll("\\s+", " ").contains(port.port() + " (" + port.variable() + ")"), run.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"decisions", "ingestion", "jmh", "footprint"})
  void aBenchmarksHelpBeginsWithItsUsage(String benchmark) {
    CommandRun run = CommandRun.of(bench(), benchmark, "--help");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Usage: bin/concierge bench " + benchmark), run.out());
  }

  @Test
  void theCompletionScriptIsGeneratedAndItsCommandIsHidden() {
    CommandRun script = CommandRun.of(bench(), "generate-completion");

    assertEquals(0, script.exit(), script.err());
    assertTrue(script.out().contains("complete -F _complete_bench"), script.out());
    for (String benchmark : List.of("decisions", "ingestion", "jmh", "footprint")) {
      assertTrue(script.out().contains(benchmark), benchmark);
    }
    assertFalse(CommandRun.of(bench()).out().contains("generate-completion"));
  }

  @Test
  void theHelpNamesTheLauncher() {
    assertTrue(CommandRun.of(bench(), "--help").out().startsWith("Usage: bin/concierge bench "));
  }

  @Test
  void anUnknownBenchmarkIsAUsageError() {
    CommandRun run = CommandRun.of(bench(), "frobnicate");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("'frobnicate'"), run.err());
  }

  @Test
  void jmhNeedsItsClass() {
    CommandRun run = CommandRun.of(bench(), "jmh");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Missing required parameter: 'NAME'"), run.err());
  }

  @Test
  void everyArgumentAfterTheJmhClassIsJmhsEvenItsShortHelp() {
    ParseResult parsed = bench().parseArgs("jmh", "ScorerBenchmark", "-f", "1", "-wi", "0", "-h");

    assertEquals(List.of("-f", "1", "-wi", "0", "-h"), parsed.subcommand().unmatched());
  }

  @Test
  void decisionsMeasuresBothDesignsUnlessToldOtherwise() {
    ParseResult parsed = bench().parseArgs("decisions");
    ParseResult ours = bench().parseArgs("decisions", "--designs", "ours");

    assertEquals(List.of(Design.OURS, Design.REDIS), parsed.subcommand().commandSpec().findOption("--designs").getValue());
    assertEquals(List.of(Design.OURS), ours.subcommand().commandSpec().findOption("--designs").getValue());
  }

  @Test
  void anUnknownDesignIsAUsageError() {
    CommandRun run = CommandRun.of(bench(), "decisions", "--designs", "ours,kafka");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("a design is ours or redis, not 'kafka'"), run.err());
  }
}
