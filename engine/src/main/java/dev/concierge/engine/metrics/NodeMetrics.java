package dev.concierge.engine.metrics;

import dev.concierge.models.Vocabulary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What this node counts for {@code GET /metrics}: decisions, their latency and their fallbacks (by cause), events
 * recorded and redeliveries dropped, dead-lettered records, ingestion restarts, events waiting
 * for a persist to be confirmed, whether the journal answers, and the size of the shared vocabulary. Counters are
 * made once; counting is an add to a striped cell, cheap on the hot paths.
 */
public final class NodeMetrics {

  private static final double MILLIS_PER_SECOND = 1_000.0;

  private final Counter personalDecisions;
  private final Counter fallbackDecisions;
  private final Timer personalLatency;
  private final Timer fallbackLatency;
  private final Counter timeoutFallbacks;
  private final Counter failureFallbacks;
  private final Counter newEvents;
  private final Counter duplicateEvents;
  private final Counter deadLetters;
  private final Counter lostDeadLetters;
  private final Counter ingestionRestarts;
  private final Counter persistRetries;
  private final Counter unloggedDecisions;
  private final DistributionSummary ingestionBatches;
  private final AtomicInteger eventsWaiting = new AtomicInteger();
  private final MeterRegistry registry;
  private final KafkaClientMeters kafkaClients;

  /** Measures with the defaults of reference.conf. */
  public NodeMetrics(MeterRegistry registry) {
    this(registry, MetricsSettings.reference());
  }

  public NodeMetrics(MeterRegistry registry, MetricsSettings settings) {
    this.registry = registry;
    this.kafkaClients = new KafkaClientMeters(registry, settings.kafkaRefreshEvery());
    personalDecisions = decisions(registry, "personal");
    fallbackDecisions = decisions(registry, "fallback");
    personalLatency = latency(registry, "personal", settings.decisionLatencyBuckets());
    fallbackLatency = latency(registry, "fallback", settings.decisionLatencyBuckets());
    timeoutFallbacks = fallbacks(registry, "timeout");
    failureFallbacks = fallbacks(registry, "failure");
    newEvents = events(registry, "recorded");
    duplicateEvents = events(registry, "duplicate");
    deadLetters = Counter.builder("concierge.dead.letters")
        .description("records sent to the dead-letter topic, each with its reason").register(registry);
    lostDeadLetters = Counter.builder("concierge.dead.letters.lost")
        .description("refused records that Kafka would not take on the dead-letter topic either, even truncated;"
            + " each is logged with its origin and skipped, so that its partition moves on").register(registry);
    ingestionRestarts = Counter.builder("concierge.ingestion.restarts")
        .description("times the ingestion stream restarted after a failure").register(registry);
    persistRetries = Counter.builder("concierge.ingestion.retries")
        .description("events asked again because their customer's actor did not confirm the persist in time")
        .register(registry);
    unloggedDecisions = Counter.builder("concierge.decisions.unlogged")
        .description("decisions answered but not logged to the decisions topic (Kafka down or slow)")
        .register(registry);
    ingestionBatches = DistributionSummary.builder("concierge.ingestion.batch.records")
        .description("records per batch ingestion took from Kafka: its count is the batches, each one set of customer"
            + " turns and one offset commit; batch-window and the batches in flight make them larger")
        .register(registry);
    Gauge.builder("concierge.ingestion.waiting", eventsWaiting, AtomicInteger::get)
        .description("events whose persist is being retried; their partitions wait meanwhile").register(registry);
  }

  /** Seconds ingestion has been stalled (had work and done none of it for stall-after), else 0. */
  public void watchIngestionStall(Supplier<Duration> stalledFor) {
    // the supplier form holds its function strongly; the state-object form would let it be collected
    Gauge.builder("concierge.ingestion.stalled", () -> stalledFor.get().toMillis() / MILLIS_PER_SECOND)
        .baseUnit("seconds")
        .description("how long ingestion has had records in flight and committed none of them, once that is"
            + " longer than concierge.ingestion.stall-after; 0 while it moves")
        .register(registry);
  }

  /** 1 while the Cassandra journal answered its latest probe, 0 otherwise: the node stays ready meanwhile. */
  public void watchJournal(BooleanSupplier reachable) {
    // the supplier form holds its function strongly; the state-object form would let it be collected
    Gauge.builder("concierge.journal.reachable", () -> reachable.getAsBoolean() ? 1 : 0)
        .description("1 while the Cassandra journal answered its latest probe (concierge.health.journal-probe-every),"
            + " 0 otherwise; the node stays ready while it is 0 and decisions fall back for customers it cannot recover")
        .register(registry);
  }

  /**
   * Shows how many items and categories have shared codes: the catalog's and the bundles' own, so a
   * climb the catalog does not explain is a leak.
   */
  public static void watch(MeterRegistry registry, Vocabulary vocabulary) {
    Gauge.builder("concierge.vocabulary.items", vocabulary, shared -> shared.items().size())
        .description("items with a code shared by all customers (catalog and model bundles)").register(registry);
    Gauge.builder("concierge.vocabulary.categories", vocabulary, shared -> shared.categories().size())
        .description("categories with a code shared by all customers").register(registry);
  }

  /** The meters of the Kafka clients this node makes, in the same registry. */
  public KafkaClientMeters kafkaClients() {
    return kafkaClients;
  }

  /** Counts into a registry of its own, for tests and tools that do not serve metrics. */
  public static NodeMetrics unserved() {
    return new NodeMetrics(new SimpleMeterRegistry());
  }

  public void decided(boolean fallback) {
    (fallback ? fallbackDecisions : personalDecisions).increment();
  }

  /**
   * A decision was answered, {@code nanos} after it was asked for: the whole of it, the actor's answer
   * or the fallback's ranking, the log and the rendering included.
   */
  public void decisionTook(boolean fallback, long nanos) {
    (fallback ? fallbackLatency : personalLatency).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Why a decision fell back: the customer's actor did not answer in time, or failed. */
  public void fellBack(Throwable cause) {
    (timedOut(cause) ? timeoutFallbacks : failureFallbacks).increment();
  }

  // an ask's timeout (Pekko's AskTimeoutException is one) arrives wrapped in a CompletionException
  private static boolean timedOut(Throwable cause) {
    for (Throwable link = cause; link != null; link = link.getCause()) {
      if (link instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  public void decisionUnlogged() {
    unloggedDecisions.increment();
  }

  public void eventRecorded(boolean duplicate) {
    (duplicate ? duplicateEvents : newEvents).increment();
  }

  public void deadLettered() {
    deadLetters.increment();
  }

  public void deadLetterLost() {
    lostDeadLetters.increment();
  }

  public void ingestionBatchTaken(int records) {
    ingestionBatches.record(records);
  }

  public void ingestionRestarted() {
    ingestionRestarts.increment();
  }

  /** An event's persist was not confirmed; returns how many events were waiting before this one. */
  public int persistWaitStarted() {
    return eventsWaiting.getAndIncrement();
  }

  public void persistRetried() {
    persistRetries.increment();
  }

  /** An event that waited was confirmed (or given up); returns how many events still wait. */
  public int persistWaitEnded() {
    return eventsWaiting.decrementAndGet();
  }

  private static Counter decisions(MeterRegistry registry, String outcome) {
    return Counter.builder("concierge.decisions").tag("outcome", outcome)
        .description("decisions answered, with the shopper's own features or with the fallback")
        .register(registry);
  }

  private static Timer latency(MeterRegistry registry, String outcome, List<Duration> buckets) {
    return Histograms.withBuckets(Timer.builder("concierge.decision.latency"), buckets).tag("outcome", outcome)
        .description("decisions from the request to the answer, fallbacks included, by outcome")
        .register(registry);
  }

  private static Counter fallbacks(MeterRegistry registry, String cause) {
    return Counter.builder("concierge.decision.fallbacks").tag("cause", cause)
        .description("decisions that fell back to popular items, by cause").register(registry);
  }

  private static Counter events(MeterRegistry registry, String result) {
    return Counter.builder("concierge.events").tag("result", result)
        .description("events ingested: recorded, or dropped as a duplicate (a redelivered record, or a recorded event id)")
        .register(registry);
  }
}
