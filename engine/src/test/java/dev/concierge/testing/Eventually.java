package dev.concierge.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds, for behaviour that completes asynchronously. */
public final class Eventually {

  private static final long POLL_MILLIS = 20;

  private Eventually() {}

  /** Returns how long it took; fails with {@code what} if {@code condition} never held in time. */
  public static Duration within(Duration timeout, String what, Supplier<Boolean> condition) {
    return within(timeout, what, condition, () -> "");
  }

  /** As {@link #within(Duration, String, Supplier)}, and on failure says how things stood. */
  public static Duration within(Duration timeout, String what, Supplier<Boolean> condition, Supplier<String> state) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    RuntimeException lastFailure = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.get()) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (RuntimeException e) {
        lastFailure = e;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      }
    }
    throw new AssertionError("not within " + timeout + ": " + what + " " + state.get(), lastFailure);
  }
}
