package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.ContextSwitches;
import dev.concierge.benchmarks.CpuTicks;
import java.util.Map;

/** The CPU and context switches a design, and the CPU the whole machine, used between {@link #open} and {@link #close}. */
final class CpuWindow {

  private static final double MILLIS_PER_SECOND = 1_000.0;
  private static final double NANOS_PER_SECOND = 1e9;

  /**
   * @param millis          CPU milliseconds of the design's processes, or NaN when none were named
   * @param seconds         how long the window lasted
   * @param contextSwitches the design's threads' context switches, voluntary and not, or NaN when none were named
   * @param machineBusy     the busy share of all the machine's cores, whoever used them (0 to 1)
   */
  record Used(double millis, double seconds, double contextSwitches, double machineBusy) {

    /** The cores the design kept busy on average: 1.0 is one core all the time. */
    double cores() {
      return millis / MILLIS_PER_SECOND / seconds;
    }
  }

  private final DesignCpu design;
  private final int ticksPerSecond;
  private final long designTicks;
  private final Map<Long, Long> designSwitches;
  private final CpuTicks.Machine machine;
  private final long opened;

  private CpuWindow(DesignCpu design, int ticksPerSecond) {
    this.design = design;
    this.ticksPerSecond = ticksPerSecond;
    this.designTicks = design == null ? 0 : design.ticks();
    this.designSwitches = design == null ? Map.of() : design.contextSwitches();
    this.machine = CpuTicks.ofMachine();
    this.opened = System.nanoTime();
  }

  /** @param design the processes to account for, or {@code null} for the machine only */
  static CpuWindow open(DesignCpu design, int ticksPerSecond) {
    return new CpuWindow(design, ticksPerSecond);
  }

  Used close() {
    double seconds = (System.nanoTime() - opened) / NANOS_PER_SECOND;
    CpuTicks.Machine now = CpuTicks.ofMachine();
    long total = now.total() - machine.total();
    double busy = total == 0 ? 0 : (now.busy() - machine.busy()) / (double) total;
    if (design == null) {
      return new Used(Double.NaN, seconds, Double.NaN, busy);
    }
    double millis = (design.ticks() - designTicks) * MILLIS_PER_SECOND / ticksPerSecond;
    return new Used(millis, seconds, ContextSwitches.between(designSwitches, design.contextSwitches()), busy);
  }
}
