package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.CpuTicks;
import java.util.Arrays;
import java.util.List;

/**
 * The processes that make up one design under test, by name: {@code ours=4242} (the node, ingestion
 * included) or {@code redis=4243,4244,4245} (its model server, its feature writer and Redis). Their CPU
 * time over a step, divided by the decisions answered, is what a decision costs the machine.
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
}
