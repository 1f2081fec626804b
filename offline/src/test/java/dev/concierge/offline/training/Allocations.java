package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.scoring.Scorer;
import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running some code, from the JVM's own per-thread counter. */
final class Allocations {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Scores a row this many times per measurement, so that a single allocation per score shows. */
  private static final int SCORING_ROUNDS = 10_000;
  /** What a measurement may allocate without the scorer allocating per row (the counter's own noise). */
  private static final long NEGLIGIBLE_BYTES = 1_024;

  private Allocations() {}

  /** Fails unless scoring {@code row} again and again, once warmed up, allocates (next to) nothing. */
  static void assertScoringAllocatesNothing(Scorer scorer, double[] row) {
    double[] sink = new double[1];
    Runnable scoring =
        () -> {
          for (int i = 0; i < SCORING_ROUNDS; i++) {
            sink[0] += scorer.score(row);
          }
        };
    scoring.run();
    long allocated = bytesAllocatedBy(scoring);
    assertTrue(allocated < NEGLIGIBLE_BYTES, SCORING_ROUNDS + " scores allocated " + allocated + " bytes");
  }

  static long bytesAllocatedBy(Runnable code) {
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    code.run();
    return THREADS.getThreadAllocatedBytes(thread) - before;
  }
}
