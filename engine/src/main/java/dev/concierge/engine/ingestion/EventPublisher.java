package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.kafka.ProducerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces validated events to {@code customer-events}, keyed by customer id as the contract says,
 * each request's events in one Kafka transaction; and, the same way, any other request's records, such
 * as the admin's catalog changes ({@link #publishRecords}): a request is in Kafka whole or not at all, so a
 * request that failed halfway leaves nothing that ingestion ({@code read_committed}) would count,
 * and its retry counts every event once.
 *
 * <p>Kafka runs one transaction at a time per producer, and its commit blocks; so one thread of its
 * own owns the producer, and the requests that arrive while a transaction commits go together in the
 * next one (a group commit). A group commits or aborts as a whole, which keeps every request in it
 * whole. After any failure the producer is replaced: the new one, with the same transactional id,
 * fences the old one and aborts whatever it left open, so that no partition waits on it.
 *
 * <p>With tracing on, a request's events are published in a producer span, a child of the request's, and each
 * record carries that span's context in its {@code traceparent} header, for ingestion to continue the trace.
 */
public final class EventPublisher {

  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");

  private record Pending(List<ProducerRecord<String, byte[]>> records, CompletableFuture<Integer> done) {}

  private final String topic;
  private final EventJson json;
  private final Executor executor;
  private final Map<String, Object> producerConfig;
  private final PublisherSettings settings;
  private final Tracing tracing;
  private final BlockingQueue<Pending> queue;
  private final Thread thread;
  // touched by the publishing thread only
  private Producer<String, byte[]> producer;
  private volatile boolean running = true;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  /**
   * A publisher with the node's producer settings ({@code concierge.kafka.producer}) and {@code
   * concierge.kafka.publisher}.
   *
   * @param transactionalId this node's own, the same across its restarts
   */
  public static EventPublisher start(
      Config concierge, KafkaSettings kafka, EventJson json, String transactionalId, Executor executor,
      Tracing tracing) {
    Map<String, Object> producerConfig = new HashMap<>(
        ProducerSettings.create(concierge.getConfig("kafka.producer"), new StringSerializer(), new ByteArraySerializer())
            .withBootstrapServers(kafka.bootstrapServers())
            .getProperties());
    return new EventPublisher(
        kafka.eventsTopic(), json, producerConfig, transactionalId,
        PublisherSettings.fromConfig(concierge.getConfig("kafka.publisher")), executor, tracing);
  }

  /**
   * @param producerConfig   the Kafka producer's properties, without a transactional id
   * @param transactionalId  this node's own, the same across its restarts, so that a restarted node
   *     fences its earlier incarnation
   * @param executor         where the callers' stages continue, off the publishing thread
   */
  public EventPublisher(
      String topic,
      EventJson json,
      Map<String, Object> producerConfig,
      String transactionalId,
      PublisherSettings settings,
      Executor executor,
      Tracing tracing) {
    this.topic = topic;
    this.tracing = tracing;
    this.json = json;
    this.executor = executor;
    this.settings = settings;
    this.producerConfig = new HashMap<>(producerConfig);
    this.producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    this.producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
    this.producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.kafkaWait().toMillis());
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.thread = new Thread(this::run, "event-publisher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Completes with the number of events once all of them are committed to Kafka, or fails and leaves none. */
  public CompletionStage<Integer> publish(List<CustomerEvent> events) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    for (CustomerEvent event : events) {
      records.add(new ProducerRecord<>(topic, event.customerId(), json.write(event)));
    }
    return tracing.enabled() ? traced(records) : publishRecords(records);
  }

  /** The name of the span of one request's publish. */
  public static String publishSpan(String topic) {
    return topic + " publish";
  }

  // one producer span per request, a child of the current one (the request's), ended as its transaction is
  private CompletionStage<Integer> traced(List<ProducerRecord<String, byte[]>> records) {
    Span publish = tracing.span(publishSpan(topic), SpanKind.PRODUCER)
        .setAttribute(MESSAGING_SYSTEM, "kafka")
        .setAttribute(DESTINATION, topic)
        .setAttribute(BATCH_COUNT, records.size())
        .startSpan();
    byte[] traceparent = Tracing.traceparent(publish).getBytes(StandardCharsets.US_ASCII);
    for (ProducerRecord<String, byte[]> record : records) {
      record.headers().add(Tracing.TRACEPARENT, traceparent);
    }
    return publishRecords(records).whenComplete((count, failure) -> Tracing.ended(publish, failure));
  }

  /**
   * Completes with the number of records once all of them are committed to Kafka, or fails and leaves
   * none; each record names its topic, and a null value is a tombstone.
   */
  public CompletionStage<Integer> publishRecords(List<ProducerRecord<String, byte[]>> records) {
    Pending pending = new Pending(records, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      return CompletableFuture.failedFuture(new RejectedExecutionException(
          "the node's Kafka publisher has " + settings.queueCapacity() + " requests waiting; retry"));
    }
    return pending.done().thenApplyAsync(count -> count, executor);
  }

  private void run() {
    List<Pending> group = new ArrayList<>(settings.maxRequestsPerTransaction());
    while (running) {
      try {
        Pending first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, settings.maxRequestsPerTransaction() - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } finally {
        group.clear();
      }
    }
    failWaiting(new IllegalStateException("the node is stopping; retry on another node"));
    closeProducer();
    stopped.complete(null);
  }

  private void commit(List<Pending> group) {
    try {
      Producer<String, byte[]> transactional = producer();
      transactional.beginTransaction();
      for (Pending pending : group) {
        for (ProducerRecord<String, byte[]> record : pending.records()) {
          transactional.send(record);
        }
      }
      // flushes the sends, and throws if any of them failed
      transactional.commitTransaction();
      for (Pending pending : group) {
        pending.done().complete(pending.records().size());
      }
    } catch (KafkaException e) {
      log.warn("a transaction of {} requests to {} failed, none of their events is committed: {}",
          group.size(), topic, e.toString());
      // aborting may block on a broker that is gone; a new producer with the same id aborts it instead
      closeProducer();
      for (Pending pending : group) {
        pending.done().completeExceptionally(e);
      }
    }
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
      try {
        producer.initTransactions();
      } catch (KafkaException e) {
        closeProducer();
        throw e;
      }
    }
    return producer;
  }

  private void closeProducer() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private void failWaiting(Exception reason) {
    for (Pending pending; (pending = queue.poll()) != null; ) {
      pending.done().completeExceptionally(reason);
    }
  }

  /** Stops taking requests; completes once the transaction under way finished and the producer closed. */
  public CompletionStage<Void> stop() {
    running = false;
    return stopped;
  }
}
