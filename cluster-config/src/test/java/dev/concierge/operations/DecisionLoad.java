package dev.concierge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Storefront decisions against whichever nodes are in rotation, all through an operation, counted
 * per phase: answered personally, answered with the fallback, or failed (an error status, or no
 * answer at all). A shopper must never see a failure.
 */
final class DecisionLoad implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int THREADS = 2;
  private static final long PAUSE_MILLIS = 20;
  private static final int FAILURES_KEPT = 5;

  /** One phase's counts. */
  static final class Counts {
    final LongAdder personal = new LongAdder();
    final LongAdder fallback = new LongAdder();
    final LongAdder failed = new LongAdder();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    long total() {
      return personal.sum() + fallback.sum() + failed.sum();
    }

    @Override
    public String toString() {
      return String.format("%d decisions: %d personal, %d fallback, %d failed%s",
          total(), personal.sum(), fallback.sum(), failed.sum(), failures.isEmpty() ? "" : " " + failures);
    }
  }

  private final LocalCluster cluster;
  private final int customers;
  private final TestHttp http = new TestHttp(TIMEOUT);
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicReference<Counts> phase = new AtomicReference<>(new Counts());
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  DecisionLoad(LocalCluster cluster, int customers) {
    this.cluster = cluster;
    this.customers = customers;
    for (int i = 0; i < THREADS; i++) {
      Random random = new Random(i);
      Thread thread = new Thread(() -> run(random), "decision-load-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Starts counting a new phase; returns the counts of the one that ends. */
  Counts nextPhase() {
    return phase.getAndSet(new Counts());
  }

  private void run(Random random) {
    long n = 0;
    while (running) {
      List<NodeProcess> serving = cluster.serving();
      if (!serving.isEmpty()) {
        NodeProcess node = serving.get((int) (n++ % serving.size()));
        decide(node, ShopperEvents.customer(random.nextInt(customers)), phase.get());
      }
      try {
        // the load's pace: a decision every PAUSE_MILLIS per thread
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One decision, counted; returns its latency in milliseconds. */
  long decide(NodeProcess node, String customerId, Counts counts) {
    long started = System.nanoTime();
    node.requestStarted();
    try {
      HttpResponse<String> response = http.trySend(TestHttp.jsonRequest(
          "POST", node.url("/v1/decisions"), "{\"customerId\":\"" + customerId + "\",\"limit\":5}"));
      if (response.statusCode() != 200) {
        fail(counts, node.name + " answered " + response.statusCode() + ": " + response.body());
      } else {
        JsonNode body = mapper.readTree(response.body());
        (body.get("fallback").asBoolean() ? counts.fallback : counts.personal).increment();
      }
    } catch (IOException e) {
      fail(counts, node.name + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      node.requestEnded();
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static void fail(Counts counts, String what) {
    counts.failed.increment();
    if (counts.failures.size() < FAILURES_KEPT) {
      counts.failures.add(what);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(TIMEOUT.toMillis() * 2);
    }
  }
}
