package dev.concierge.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * What the customer actors of a node measure: how long each took to recover its state from the journal
 * (its first message waits that long), and how many stopped. Made once per node and shared by every
 * customer, so that an actor's start and stop look nothing up.
 */
public final class CustomerMeters {

  private final Timer recoveries;
  private final Counter stops;

  public CustomerMeters(MeterRegistry registry, MetricsSettings settings) {
    recoveries = Histograms.withBuckets(Timer.builder("concierge.customer.recovery"), settings.recoveryBuckets())
        .description("how long a customer actor took from its start to the end of its recovery from the journal")
        .register(registry);
    stops = Counter.builder("concierge.customer.passivations")
        .description("customer actors stopped: passivated (idle, or the least recently used over the limit),"
            + " or handed off with their shard")
        .register(registry);
  }

  /** Measures into a registry of its own, for tests and tools that do not serve metrics. */
  public static CustomerMeters unserved() {
    return new CustomerMeters(new SimpleMeterRegistry(), MetricsSettings.reference());
  }

  public void recovered(long nanos) {
    recoveries.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void stopped() {
    stops.increment();
  }
}
