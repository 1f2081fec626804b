package dev.concierge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextSwitchesTest {

  private static final Duration STARTED_WITHIN = Duration.ofSeconds(10);

  @Test
  void aThreadsSwitchesAreItsVoluntaryAndNonvoluntaryOnesTogether() {
    String status = "Name:\tjava\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t1200\n"
        + "nonvoluntary_ctxt_switches:\t34\n";

    assertEquals(1234, ContextSwitches.ofStatus(status));
  }

  @Test
  void aStatusWithoutTheCountsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ContextSwitches.ofStatus("Name:\tjava\nvoluntary_ctxt_switches:\t1\n"));
  }

  @Test
  void theSwitchesBetweenTwoReadingsAreEachThreadsGrowthWithANewThreadCountedWhole() {
    Map<Long, Long> before = Map.of(1L, 100L, 2L, 50L, 3L, 70L);
    // thread 3 ended, thread 4 was born
    Map<Long, Long> after = Map.of(1L, 130L, 2L, 55L, 4L, 9L);

    assertEquals(30 + 5 + 9, ContextSwitches.between(before, after));
  }

  @Test
  void everyThreadOfAProcessIsRead() {
    Thread sleeper = new Thread(() -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    sleeper.setDaemon(true);
    Map<Long, Long> before = ContextSwitches.ofProcess(ProcessHandle.current().pid());
    sleeper.start();
    awaitAsleep(sleeper);

    Map<Long, Long> after = ContextSwitches.ofProcess(ProcessHandle.current().pid());
    sleeper.interrupt();

    assertTrue(after.size() > before.size(), "the new thread is one more task: " + before.keySet() + " " + after.keySet());
    assertTrue(ContextSwitches.between(before, after) > 0, "the new thread switched at least when it went to sleep");
  }

  /** Until the thread has gone to sleep, which is a switch away from it. */
  private static void awaitAsleep(Thread thread) {
    long deadline = System.nanoTime() + STARTED_WITHIN.toNanos();
    while (thread.getState() != Thread.State.TIMED_WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the thread did not go to sleep within " + STARTED_WITHIN + ": " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }
}
