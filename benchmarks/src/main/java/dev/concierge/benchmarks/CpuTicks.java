package dev.concierge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * CPU time from Linux's {@code /proc}, in clock ticks ({@code getconf CLK_TCK}): a process's user plus
 * system time, counting all its threads, and the whole machine's busy and total time over all cores.
 */
public final class CpuTicks {

  // /proc/<pid>/stat fields after "pid (comm) ": state is field 3, utime 14, stime 15 (proc(5))
  private static final int FIRST_FIELD_AFTER_COMM = 3;
  private static final int UTIME_FIELD = 14;
  private static final int STIME_FIELD = 15;
  // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal (guest time is inside user)
  private static final int IDLE = 3;
  private static final int IOWAIT = 4;
  private static final int COUNTED_FIELDS = 8;

  /** The machine's time: {@code busy} of {@code total}, summed over cores. */
  public record Machine(long busy, long total) {}

  /** How many ticks make a second: an option of the commands that measure CPU time (a picocli mixin). */
  public static final class PerSecond {
    @Option(names = "--clock-ticks", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "100",
        description = "the kernel's clock ticks per second, getconf CLK_TCK (default ${DEFAULT-VALUE})")
    private int ticks;

    public int ticks() {
      return ticks;
    }
  }

  private CpuTicks() {}

  public static long ofProcess(long pid) {
    return ofProcessStat(read(Path.of("/proc", Long.toString(pid), "stat")));
  }

  public static Machine ofMachine() {
    return ofMachineStat(read(Path.of("/proc/stat")));
  }

  /** Parses a {@code /proc/<pid>/stat} line; the command name may hold spaces and parentheses. */
  public static long ofProcessStat(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
    return Long.parseLong(fields[UTIME_FIELD - FIRST_FIELD_AFTER_COMM])
        + Long.parseLong(fields[STIME_FIELD - FIRST_FIELD_AFTER_COMM]);
  }

  /** Parses the first ({@code cpu}) line of {@code /proc/stat}. */
  public static Machine ofMachineStat(String stat) {
    String[] fields = stat.lines().findFirst().orElseThrow().trim().split(" +");
    long busy = 0;
    long total = 0;
    for (int i = 0; i < COUNTED_FIELDS; i++) {
      long ticks = Long.parseLong(fields[i + 1]);
      total += ticks;
      if (i != IDLE && i != IOWAIT) {
        busy += ticks;
      }
    }
    return new Machine(busy, total);
  }

  /**
   * A process's share of the machine: the CPU seconds it used over the seconds that passed times the
   * cores, so 1.0 is every core busy with it for the whole time.
   */
  public static double share(long ticks, long ticksPerSecond, double seconds, int cores) {
    return ticks / (double) ticksPerSecond / (seconds * cores);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " (did the process exit?)", e);
    }
  }
}
