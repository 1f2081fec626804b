package dev.concierge.models.scoring;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running some code, from the JVM's own per-thread counter. */
final class Allocations {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocations() {}

  static long bytesAllocatedBy(Runnable code) {
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    code.run();
    return THREADS.getThreadAllocatedBytes(thread) - before;
  }
}
