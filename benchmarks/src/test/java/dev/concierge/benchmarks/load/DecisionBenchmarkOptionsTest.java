package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.CommandRun;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DecisionBenchmarkOptionsTest {

  private static final Target OURS = new Target("ours", URI.create("http://127.0.0.1:18080"));

  @Test
  void theOptionsReachTheLoadSettings() {
    DecisionBenchmark benchmark = new DecisionBenchmark();
    new CommandLine(benchmark).parseArgs("--target", "ours=http://127.0.0.1:18080", "--rates", "2000,5000",
        "--warmup", "500ms", "--duration", "2m", "--connections", "8", "--timeout", "3s", "--clock-ticks", "250");

    assertEquals(List.of(2000, 5000), benchmark.steps.rates);
    assertEquals(
        new OpenLoopLoad.Settings(OURS.uri(), 5000, Duration.ofMillis(500), Duration.ofMinutes(2), 8,
            Duration.ofSeconds(3), 250),
        benchmark.settings(OURS, 5000));
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    DecisionBenchmark benchmark = new DecisionBenchmark();
    new CommandLine(benchmark).parseArgs("--target", "ours=http://127.0.0.1:18080");

    assertEquals(List.of(0, 1000, 2000, 5000, 10000), benchmark.steps.rates, "the idle step first");
    assertEquals(Duration.ofSeconds(60), benchmark.steps.firstWarmup);
    assertEquals(
        new OpenLoopLoad.Settings(OURS.uri(), 1000, Duration.ofSeconds(10), Duration.ofSeconds(30), 64,
            Duration.ofSeconds(10), 100),
        benchmark.settings(OURS, 1000));
  }

  @Test
  void aNegativeRateIsAUsageError() {
    CommandRun run = CommandRun.of(new CommandLine(new DecisionBenchmark()), "--rates", "2000,-1");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--rates' (R): must be 0 or more, not -1"), run.err());
  }

  @Test
  void aProfileNeedsItsTargetsProcesses() {
    CommandRun run = CommandRun.of(new CommandLine(new DecisionBenchmark()), "--target", "ours=http://127.0.0.1:18080",
        "--profile", "ours@1000");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("--profile ours@1000 needs the target's processes: --cpu ours=PID,..."), run.err());
  }

  @Test
  void aProfileNeedsAStepAtItsRate() {
    CommandRun run = CommandRun.of(new CommandLine(new DecisionBenchmark()), "--target", "ours=http://127.0.0.1:18080",
        "--cpu", "ours=" + ProcessHandle.current().pid(), "--rates", "0,2000", "--profile", "ours@1000");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("--profile ours@1000: no step at 1000/s in --rates [0, 2000]"), run.err());
  }

  @Test
  void withoutATargetNorACsvNothingCanBeMeasured() {
    CommandRun run = CommandRun.of(new CommandLine(new DecisionBenchmark()), "--rates", "2000");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Name at least one --target, or --from-csv"), run.err());
  }

  @Test
  void aTargetWithoutAPortIsAUsageError() {
    CommandRun run = CommandRun.of(new CommandLine(new DecisionBenchmark()), "--target", "ours=http://localhost");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("a target's URL needs a host and a port"), run.err());
  }
}
