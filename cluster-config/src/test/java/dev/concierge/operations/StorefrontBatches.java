package dev.concierge.operations;

import dev.concierge.testing.TestHttp;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storefront posting large batches of events to {@code POST /v1/events} back to back, in a thread
 * of its own, and retrying a batch that was not accepted (a 5xx, or no answer) with the same event ids
 * until it is, as the API asks. Each batch holds more events of each customer than the dedupe window,
 * so that a batch half-written before a failure, then retried, would count events twice.
 */
final class StorefrontBatches implements AutoCloseable {

  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final TestHttp http;
  private final URI events;
  private final int customers;
  private final int eventsPerCustomer;
  private final Map<String, int[]> expected = new HashMap<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile Throwable failure;

  /** @param eventsPerCustomer events of each customer in one batch: more than the dedupe window */
  StorefrontBatches(URI events, Duration timeout, int customers, int eventsPerCustomer) {
    this.events = events;
    this.http = new TestHttp(timeout);
    this.customers = customers;
    this.eventsPerCustomer = eventsPerCustomer;
    this.thread = new Thread(this::run, "storefront-batches");
    thread.start();
  }

  static String customer(int index) {
    return "batch-c-" + index;
  }

  private void run() {
    try {
      for (int batch = 0; !stopping; batch++) {
        String body = batch(batch);
        while (!accepted(body)) {
          refused.incrementAndGet();
          Thread.sleep(RETRY_PAUSE.toMillis());
        }
        for (int c = 0; c < customers; c++) {
          expected.computeIfAbsent(customer(c), k -> new int[ShopperEvents.TYPES.size()])[0] += eventsPerCustomer;
        }
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  private boolean accepted(String body) throws InterruptedException {
    try {
      int status = http.trySend(TestHttp.jsonRequest("POST", events, body)).statusCode();
      if (status != 202 && status < 500) {
        throw new AssertionError("a valid batch answered " + status);
      }
      return status == 202;
    } catch (java.io.IOException noAnswer) {
      return false;
    }
  }

  // views of sku-1, one JSON array; the event ids are the batch's own, the same at every retry
  private String batch(int batch) {
    StringBuilder body = new StringBuilder("[");
    for (int c = 0; c < customers; c++) {
      for (int e = 0; e < eventsPerCustomer; e++) {
        if (body.length() > 1) {
          body.append(',');
        }
        body.append("{\"eventId\":\"b").append(batch).append('-').append(c).append('-').append(e)
            .append("\",\"customerId\":\"").append(customer(c))
            .append("\",\"type\":\"view\",\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}");
      }
    }
    return body.append(']').toString();
  }

  /** Stops after the batch under way is accepted; returns the counts every customer must have. */
  Map<String, int[]> stop() throws InterruptedException {
    stopping = true;
    thread.join();
    if (failure != null) {
      throw new AssertionError("the storefront failed", failure);
    }
    return expected;
  }

  /** Posts that were not accepted and were retried. */
  int refused() {
    return refused.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join();
  }
}
