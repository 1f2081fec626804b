package dev.concierge.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.benchmarks.CommandRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EntityFootprintOptionsTest {

  @Test
  void theOptionsReachTheMeasurement() {
    EntityFootprint footprint = new EntityFootprint();
    new CommandLine(footprint).parseArgs("--entities", "2000", "--events-per-entity", "0", "--runs", "1", "--sharded");

    assertEquals(2000, footprint.entities);
    assertEquals(0, footprint.eventsPerEntity);
    assertEquals(1, footprint.runs);
    assertTrue(footprint.sharded);
    assertFalse(footprint.jol);
  }

  @Test
  void byDefaultEveryCustomerIsFilled() {
    EntityFootprint footprint = new EntityFootprint();
    new CommandLine(footprint).parseArgs();

    assertEquals(100_000, footprint.entities);
    assertEquals(Workload.FILL, footprint.eventsPerEntity);
    assertEquals(5, footprint.runs);
  }

  @Test
  void noEntitiesIsAUsageError() {
    CommandRun run = CommandRun.of(new CommandLine(new EntityFootprint()), "--entities", "0");

    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--entities': must be 1 or more, not 0"), run.err());
  }
}
