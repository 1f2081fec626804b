package dev.concierge.benchmarks.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.CommandRun;
import dev.concierge.offline.simulation.SimulationSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestionBenchmarkOptionsTest {

  @Test
  void theOptionsReachTheSimulationItChecksAgainstAndTheProcessesItWatches() {
    IngestionBenchmark benchmark = new IngestionBenchmark();
    new CommandLine(benchmark).parseArgs("--events", "2000", "--customers", "300", "--seed", "9", "--check", "40",
        "--pid", "node=42", "--pid", "cassandra=7");

    assertEquals(SimulationSettings.of(300, 2000, 9), benchmark.workload.simulation());
    assertEquals(40, benchmark.workload.check);
    assertEquals(List.of("node", "cassandra"), List.copyOf(benchmark.pids.keySet()));
    assertEquals(Map.of("node", 42L, "cassandra", 7L), benchmark.pids);
  }

  @Test
  void aLabelThatCannotBeACsvCellIsAUsageError() {
    CommandRun run = CommandRun.of(new CommandLine(new IngestionBenchmark()), "--label", "a,b");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--label': a label is not blank and holds no comma"),
        run.err());
  }

  @Test
  void aPidThatIsNoNumberIsAUsageError() {
    CommandRun run = CommandRun.of(new CommandLine(new IngestionBenchmark()), "--pid", "node=me");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--pid"), run.err());
  }
}
