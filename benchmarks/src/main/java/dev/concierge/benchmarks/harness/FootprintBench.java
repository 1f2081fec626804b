package dev.concierge.benchmarks.harness;

import dev.concierge.benchmarks.footprint.EntityFootprint;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/concierge bench footprint}: EntityFootprint in a JVM of the bench's JDK. Its options are
 * EntityFootprint's own (the command is a mixin here), so the help lists them and a wrong one is refused before
 * anything starts.
 */
@Command(name = "footprint", header = "heap bytes per customer entity at 100k entities (EntityFootprint)")
final class FootprintBench extends BenchmarkCommand {

  @Mixin
  private EntityFootprint footprint;

  @Override
  protected int measure(BenchRun run) {
    return run.runHere("footprint",
        run.commands().harness(List.of(), EntityFootprint.class, GivenOptions.of(spec())));
  }
}
