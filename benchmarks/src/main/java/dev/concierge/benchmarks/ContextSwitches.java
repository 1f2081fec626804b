package dev.concierge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Context switches from Linux's {@code /proc}, voluntary (the thread blocked or parked) plus nonvoluntary (the
 * scheduler preempted it), per thread. {@code /proc/<pid>/status} counts only the process's main thread, so a
 * process's switches are the sum over {@code /proc/<pid>/task/<tid>/status}, one file per live thread.
 */
public final class ContextSwitches {

  private static final String VOLUNTARY = "voluntary_ctxt_switches:";
  private static final String NONVOLUNTARY = "nonvoluntary_ctxt_switches:";

  private ContextSwitches() {}

  /** Every live thread of {@code pid}: its id (unique over the machine) and its switches so far. */
  public static Map<Long, Long> ofProcess(long pid) {
    Map<Long, Long> threads = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> each = Files.newDirectoryStream(tasks)) {
      for (Path task : each) {
        try {
          threads.put(Long.valueOf(task.getFileName().toString()), ofStatus(Files.readString(task.resolve("status"))));
        } catch (NoSuchFileException ended) {
          // the thread ended since the listing: its switches went with it
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tasks + " (did the process exit?)", e);
    }
    return threads;
  }

  /** Voluntary plus nonvoluntary switches from one {@code status} file. */
  public static long ofStatus(String status) {
    long switches = 0;
    int found = 0;
    for (String line : status.split("\n")) {
      if (line.startsWith(VOLUNTARY) || line.startsWith(NONVOLUNTARY)) {
        switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        found++;
      }
    }
    if (found != 2) {
      throw new IllegalArgumentException("a status without both " + VOLUNTARY + " and " + NONVOLUNTARY + " lines");
    }
    return switches;
  }

  /**
   * The switches between two readings: each thread's growth, a thread born meanwhile counted whole. A thread that
   * ended meanwhile took its switches with it, so the figure is a lower bound when threads come and go.
   */
  public static long between(Map<Long, Long> before, Map<Long, Long> after) {
    long switches = 0;
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      switches += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return switches;
  }
}
