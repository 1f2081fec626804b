package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.CpuTicks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each named process's share of the machine between two samples, and the machine's own. */
final class CpuUse {

  /** The share of the machine that was busy, whoever used it. */
  static final String MACHINE = "machine";
  /** The busy share not used by any named process: other engineers' builds, the harness, the kernel. */
  static final String OTHERS = "others";

  private CpuUse() {}

  /** @param names the processes in the order the report shows them */
  static Map<String, Double> between(Sample from, Sample to, List<String> names, long ticksPerSecond, int cores) {
    double seconds = to.commit().seconds() - from.commit().seconds();
    Map<String, Double> shares = new LinkedHashMap<>();
    double named = 0;
    for (String name : names) {
      long ticks = to.processTicks().get(name) - from.processTicks().get(name);
      double share = CpuTicks.share(ticks, ticksPerSecond, seconds, cores);
      shares.put(name, share);
      named += share;
    }
    long busy = to.machine().busy() - from.machine().busy();
    long total = to.machine().total() - from.machine().total();
    double machine = total == 0 ? 0 : busy / (double) total;
    shares.put(MACHINE, machine);
    shares.put(OTHERS, Math.max(0, machine - named));
    return shares;
  }
}
