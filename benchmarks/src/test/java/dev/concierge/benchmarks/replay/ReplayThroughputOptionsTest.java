package dev.concierge.benchmarks.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayThroughputOptionsTest {

  @Test
  void theArgumentsAreEventsCustomersAndRunsInThatOrder() {
    ReplayThroughput replay = new ReplayThroughput();
    new CommandLine(replay).parseArgs("500000", "10000");

    assertEquals(500_000, replay.events);
    assertEquals(10_000, replay.customers);
    assertEquals(5, replay.runs);
  }
}
