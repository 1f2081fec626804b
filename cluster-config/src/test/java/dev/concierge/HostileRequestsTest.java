package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.concierge.api.shapes.RequestShapes;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HostileRequestsTest {

  private static final long SEED = 20261126L;
  private static final int REQUESTS = 10_000;
  // half a JVM thread's default stack: room for Jackson to write a 2,000-deep body, none for a generator
  // that recurses as deep as a hostile body nests (the CI once overflowed there, in interpreted frames)
  private static final long SMALL_STACK_BYTES = 512 * 1024;

  @Test
  void theFuzzRequestsAreMadeWithoutFollowingAHostileBodysNesting() throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread generator = new Thread(null, () -> {
      HostileRequests requests = new HostileRequests(RequestShapes.load(), new Random(SEED));
      for (int i = 0; i < REQUESTS; i++) {
        requests.next().describe();
      }
    }, "fuzz-generator", SMALL_STACK_BYTES);
    generator.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
    generator.start();
    generator.join();
    assertNull(failure.get(), () -> "the generator failed: " + failure.get());
  }
}
