package dev.concierge.api;

import dev.concierge.api.AccessSettings.RateLimit;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (a key, an address), at most {@code maxTracked} of them. Each bucket is a
 * single {@link AtomicLong} (the generic cell rate algorithm: the moment the bucket will be full again),
 * so taking a token is a compare-and-set, without a lock. A full bucket is the same as none, so when the
 * map is full the full ones are dropped, at most once per refill period; if none is, new clients share
 * one overflow bucket: clients rotating addresses throttle each other instead of growing the map.
 */
final class TokenBuckets {

  private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

  /** Whether a request may go on, and if not, when to retry. */
  sealed interface Admission {
    Admitted ADMITTED = new Admitted();
  }

  record Admitted() implements Admission {}

  record Refused(Duration retryAfter) implements Admission {}

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final int maxTracked;
  private final LongSupplier nanoTime;
  /** Nanoseconds one token takes to come back. */
  private final long interval;
  /** How far ahead of now a bucket's full moment may be while a token is left: the burst less one. */
  private final long tolerance;
  private final Bucket overflow;
  private final AtomicLong lastSweep;

  TokenBuckets(RateLimit limit, int maxTracked, LongSupplier nanoTime) {
    this.maxTracked = maxTracked;
    this.nanoTime = nanoTime;
    this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / limit.perSecond()));
    this.tolerance = interval * (limit.burst() - 1L);
    long now = nanoTime.getAsLong();
    this.overflow = new Bucket(now);
    this.lastSweep = new AtomicLong(now - refillPeriod());
  }

  Admission admit(String client) {
    long now = nanoTime.getAsLong();
    return bucketOf(client, now).take(now);
  }

  /** The buckets held, the overflow one aside. */
  int tracked() {
    return buckets.size();
  }

  private Bucket bucketOf(String client, long now) {
    Bucket known = buckets.get(client);
    if (known != null) {
      return known;
    }
    // racing first requests may pass the check together: the map can exceed its size by the threads at most
    if (buckets.size() >= maxTracked && !sweptRoom(now)) {
      return overflow;
    }
    return buckets.computeIfAbsent(client, absent -> new Bucket(now));
  }

  // one thread sweeps, and only once a refill period has passed since the last sweep: a bucket in use
  // then has had time to fill, so sweeping more often would find little and cost a walk of the map
  private boolean sweptRoom(long now) {
    long last = lastSweep.get();
    if (now - last >= refillPeriod() && lastSweep.compareAndSet(last, now)) {
      buckets.values().removeIf(bucket -> bucket.fullAt(now));
    }
    return buckets.size() < maxTracked;
  }

  private long refillPeriod() {
    return tolerance + interval;
  }

  private final class Bucket {

    /** The moment from which the bucket is full again; earlier than now while it is. */
    private final AtomicLong fullAgain;

    Bucket(long now) {
      this.fullAgain = new AtomicLong(now);
    }

    Admission take(long now) {
      while (true) {
        long current = fullAgain.get();
        long base = Math.max(current, now);
        long wait = base - now - tolerance;
        if (wait > 0) {
          return new Refused(Duration.ofNanos(wait));
        }
        if (fullAgain.compareAndSet(current, base + interval)) {
          return Admission.ADMITTED;
        }
      }
    }

    boolean fullAt(long now) {
      return fullAgain.get() <= now;
    }
  }
}
