package dev.concierge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchOptionsTest {

  @TempDir
  Path dir;

  @Test
  void bashReadsEveryOptionOfTheBenchmarkAsNameEqualsValue() throws Exception {
    Path values = dir.resolve("values");

    CommandRun run = CommandRun.of(new CommandLine(new BenchOptions()), "--values", values.toString(), "decisions",
        "--rates", "2000,5000", "--duration", "1m", "--no-wrk");

    assertEquals(0, run.exit(), run.err());
    assertEquals(Set.of("rates=2000,5000", "warmup=10000ms", "first-warmup=60000ms", "duration=60000ms", "runs=3",
            "customers=10000", "history=200000", "background-rate=1000", "samples=1000", "wrk-rate=5000",
            "no-wrk=true", "no-build=false"),
        Set.copyOf(Files.readAllLines(values)));
  }

  @Test
  void aLabelNotGivenIsEmptySoThatBashNamesTheCommit() throws Exception {
    Path values = dir.resolve("values");

    CommandRun run = CommandRun.of(new CommandLine(new BenchOptions()), "--values", values.toString(), "ingestion",
        "--runs", "5", "--append");

    assertEquals(0, run.exit(), run.err());
    assertEquals(Set.of("events=1000000", "customers=100000", "seed=1", "check=500", "runs=5", "label=",
            "append=true", "no-build=false"),
        Set.copyOf(Files.readAllLines(values)));
  }

  @Test
  void theHelpWritesNoValuesSoThatBashStops() {
    Path values = dir.resolve("values");

    CommandRun run = CommandRun.of(new CommandLine(new BenchOptions()), "--values", values.toString(), "decisions",
        "--help");

    assertEquals(0, run.exit());
    assertTrue(run.out().contains("--background-rate"), run.out());
    assertFalse(Files.exists(values));
  }

  @Test
  void aValueMissingIsAUsageErrorAndWritesNothing() {
    Path values = dir.resolve("values");

    CommandRun run = CommandRun.of(new CommandLine(new BenchOptions()), "--values", values.toString(), "decisions",
        "--rates");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Missing required parameter for option '--rates' (R)"), run.err());
    assertFalse(Files.exists(values));
  }
}
