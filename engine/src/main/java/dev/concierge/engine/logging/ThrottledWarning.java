package dev.concierge.engine.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning logged at most once per interval, with how many like it were held back since the last
 * one: during an outage the same warning would otherwise come thousands of times a second. The
 * metrics count every occurrence; the log keeps an example and the rate.
 */
public final class ThrottledWarning {

  private final Logger log;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final AtomicLong nextAt;
  private final LongAdder heldBack = new LongAdder();

  public ThrottledWarning(Logger log, Duration interval) {
    this(log, interval, System::nanoTime);
  }

  /** @param nanoTime a monotonic clock in nanoseconds, {@link System#nanoTime()} but in tests */
  ThrottledWarning(Logger log, Duration interval, LongSupplier nanoTime) {
    this.log = log;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
    this.nextAt = new AtomicLong(nanoTime.getAsLong());
  }

  /** Logs {@code message} (an SLF4J format with two arguments) unless one was logged within the interval. */
  public void warn(String message, Object first, Object second) {
    long now = nanoTime.getAsLong();
    long due = nextAt.get();
    if (now - due < 0 || !nextAt.compareAndSet(due, now + intervalNanos)) {
      heldBack.increment();
      return;
    }
    long since = heldBack.sumThenReset();
    if (since == 0) {
      log.warn(message, first, second);
    } else {
      log.warn(message + " ({} more like it since the last)", first, second, since);
    }
  }
}
