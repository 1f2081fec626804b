package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.ContextSwitches;
import dev.concierge.benchmarks.CpuTicks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes that make up one design under test, by name: {@code ours=4242} (the node, ingestion
 * included) or {@code redis=4243,4244,4245} (its model server, its feature writer and Redis). Their CPU
 * time over a step, divided by the decisions answered, is what a decision costs the machine; so are their context
 * switches. The first process is the design's JVM that answers decisions, the one a profile is taken of.
 */
record DesignCpu(String name, List<Long> pids) {

  DesignCpu {
    pids = List.copyOf(pids);
  }

  /** {@link #parse} as a picocli converter. */
  static final class Converter extends Cli.Parsed<DesignCpu> {
    Converter() {
      super(DesignCpu::parse);
    }
  }

  static DesignCpu parse(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0 || equals == text.length() - 1) {
      throw new IllegalArgumentException("--cpu is NAME=PID[,PID...], e.g. ours=4242, not " + text);
    }
    try {
      List<Long> pids = Arrays.stream(text.substring(equals + 1).split(",")).map(String::trim).map(Long::valueOf).toList();
      return new DesignCpu(text.substring(0, equals), pids);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--cpu takes process ids after the name: " + text, e);
    }
  }

  /** The clock ticks its processes have used so far, summed. */
  long ticks() {
    long ticks = 0;
    for (long pid : pids) {
      ticks += CpuTicks.ofProcess(pid);
    }
    return ticks;
  }

  /** Every live thread of its processes, by thread id, with the context switches it made so far. */
  Map<Long, Long> contextSwitches() {
    Map<Long, Long> threads = new HashMap<>();
    for (long pid : pids) {
      threads.putAll(ContextSwitches.ofProcess(pid));
    }
    return threads;
  }

  /** The JVM that answers the design's decisions: the first process named. */
  long server() {
    return pids.get(0);
  }
}
