package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.CpuTicks;
import java.time.Instant;
import java.util.Map;

/**
 * The group's commits and the CPU counters, read at one instant.
 *
 * @param loadAverage the machine's 1-minute load average then
 */
record Sample(CommitSample commit, Map<String, Long> processTicks, CpuTicks.Machine machine, Instant at,
    double loadAverage) {

  Sample {
    processTicks = Map.copyOf(processTicks);
  }
}
