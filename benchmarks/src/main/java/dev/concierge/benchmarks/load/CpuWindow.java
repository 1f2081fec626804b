package dev.concierge.benchmarks.load;

import dev.concierge.benchmarks.CpuTicks;

/** The CPU a design and the whole machine used between {@link #open} and {@link #close}. */
final class CpuWindow {

  private static final double MILLIS_PER_SECOND = 1_000.0;

  /**
   * @param millis      CPU milliseconds of the design's processes, or NaN when none were named
   * @param machineBusy the busy share of all the machine's cores, whoever used them (0 to 1)
   */
  record Used(double millis, double machineBusy) {}

  private final DesignCpu design;
  private final int ticksPerSecond;
  private final long designTicks;
  private final CpuTicks.Machine machine;

  private CpuWindow(DesignCpu design, int ticksPerSecond) {
    this.design = design;
    this.ticksPerSecond = ticksPerSecond;
    this.designTicks = design == null ? 0 : design.ticks();
    this.machine = CpuTicks.ofMachine();
  }

  /** @param design the processes to account for, or {@code null} for the machine only */
  static CpuWindow open(DesignCpu design, int ticksPerSecond) {
    return new CpuWindow(design, ticksPerSecond);
  }

  Used close() {
    CpuTicks.Machine now = CpuTicks.ofMachine();
    long total = now.total() - machine.total();
    double busy = total == 0 ? 0 : (now.busy() - machine.busy()) / (double) total;
    double millis = design == null ? Double.NaN : (design.ticks() - designTicks) * MILLIS_PER_SECOND / ticksPerSecond;
    return new Used(millis, busy);
  }
}
