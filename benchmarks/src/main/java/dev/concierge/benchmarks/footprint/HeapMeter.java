package dev.concierge.benchmarks.footprint;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Reads the heap in use once garbage is gone: it asks for full collections until two in a row leave
 * the same used heap (within {@link #STABLE_WITHIN_BYTES}), so a measurement sees only live objects.
 * No sleeps: each {@link System#gc()} returns when its collection is done (G1, ZGC, Parallel, Serial).
 */
final class HeapMeter {

  /** Two readings this close are one: background threads allocate a little between collections. */
  static final long STABLE_WITHIN_BYTES = 64 * 1024;
  private static final int MAX_COLLECTIONS = 12;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  /** Used heap after collecting until it stops shrinking. */
  long settledUsedBytes() {
    long collectionsBefore = collections();
    System.gc();
    long previous = used();
    for (int i = 1; i < MAX_COLLECTIONS; i++) {
      System.gc();
      long now = used();
      if (Math.abs(now - previous) <= STABLE_WITHIN_BYTES) {
        requireCollections(collectionsBefore);
        return now;
      }
      previous = now;
    }
    requireCollections(collectionsBefore);
    return previous;
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionCount());
    }
    return total;
  }

  // with -XX:+DisableExplicitGC the readings would include garbage and mean nothing
  private static void requireCollections(long before) {
    if (collections() == before) {
      throw new IllegalStateException("System.gc() collected nothing: run without -XX:+DisableExplicitGC");
    }
  }
}
