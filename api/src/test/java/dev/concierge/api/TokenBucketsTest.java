package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.AccessSettings.RateLimit;
import dev.concierge.api.TokenBuckets.Admitted;
import dev.concierge.api.TokenBuckets.Refused;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  private static final RateLimit ONE_PER_SECOND = new RateLimit(1, 1);
  private static final int MAX_TRACKED = 100;

  private final AtomicLong nanos = new AtomicLong();
  private final TokenBuckets buckets = new TokenBuckets(ONE_PER_SECOND, MAX_TRACKED, nanos::get);

  @Test
  void theBucketsStayBoundedUnderManyAddresses() {
    for (int i = 0; i < 100 * MAX_TRACKED; i++) {
      buckets.admit("10.0." + (i / 256) + "." + (i % 256));
      nanos.addAndGet(Duration.ofMillis(1).toNanos());
    }

    assertTrue(buckets.tracked() <= MAX_TRACKED, "tracked " + buckets.tracked());
  }

  @Test
  void newClientsShareOneOverflowBucketWhileEveryBucketIsInUse() {
    for (int i = 0; i < MAX_TRACKED; i++) {
      buckets.admit("known-" + i);
    }

    assertInstanceOf(Admitted.class, buckets.admit("stranger-1"));
    assertInstanceOf(Refused.class, buckets.admit("stranger-2"));
    assertEquals(MAX_TRACKED, buckets.tracked());
  }

  @Test
  void fullBucketsMakeRoomForNewClients() {
    for (int i = 0; i < MAX_TRACKED; i++) {
      buckets.admit("known-" + i);
    }
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());

    assertInstanceOf(Admitted.class, buckets.admit("stranger-1"));
    assertInstanceOf(Admitted.class, buckets.admit("stranger-2"));
    assertEquals(2, buckets.tracked());
  }

  @Test
  void aRefusalSaysWhenTheNextTokenComes() {
    buckets.admit("c");
    nanos.addAndGet(Duration.ofMillis(300).toNanos());

    assertEquals(new Refused(Duration.ofMillis(700)), buckets.admit("c"));
  }
}
