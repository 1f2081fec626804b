package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.CommandRun;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FreshnessBenchmarkOptionsTest {

  @Test
  void theOptionsReachTheProbesSettingsAndEachRunHasItsOwnCustomers() {
    FreshnessBenchmark benchmark = new FreshnessBenchmark();
    new CommandLine(benchmark).parseArgs("--bootstrap", "127.0.0.1:19092", "--target", "ours=http://127.0.0.1:1",
        "--target", "redis=http://127.0.0.1:2", "--samples", "20", "--probe-customers", "5", "--interval", "1s",
        "--run-tag", "t", "--server-key", "sk");

    assertEquals(
        new FreshnessProbe.Settings("127.0.0.1:19092", "customer-events",
            List.of(new Target("ours", URI.create("http://127.0.0.1:1")),
                new Target("redis", URI.create("http://127.0.0.1:2"))),
            20, 5, Duration.ofSeconds(1), Duration.ofMillis(2), Duration.ofSeconds(10), "tr2", Optional.of("sk")),
        benchmark.settings(2));
  }

  @Test
  void aTargetIsRequired() {
    CommandRun run = CommandRun.of(new CommandLine(new FreshnessBenchmark()));

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Missing required option: '--target=NAME=URL'"), run.err());
  }
}
