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
import java.util.IdentityHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
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
 * <p>A record Kafka can never take fails its own request only ({@link RecordRefusedException}): one larger
 * than the producer sends is refused before it is queued, and when Kafka refuses one inside a transaction
 * (the broker's or the topic's own size limit, say), the group is aborted and its other requests go again
 * in a new transaction without it, so that one client's mistake never fails another's request.
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

  /** A record handed to the producer in a transaction, for finding out afterwards whose record Kafka refused. */
  private record Sent(Pending request, String key, Future<RecordMetadata> result) {}

  private final String topic;
  private final EventJson json;
  private final Executor executor;
  private final Supplier<Producer<String, byte[]>> producers;
  private final int maxRecordBytes;
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
    this(topic, json, transactional(producerConfig, transactionalId, settings), maxRecordBytes(producerConfig),
        settings, executor, tracing);
  }

  /**
   * @param producers      makes a transactional producer, a new one after every failure
   * @param maxRecordBytes the largest record the producers send, as Kafka counts it; larger ones are refused
   *     before they are queued
   */
  EventPublisher(
      String topic,
      EventJson json,
      Supplier<Producer<String, byte[]>> producers,
      int maxRecordBytes,
      PublisherSettings settings,
      Executor executor,
      Tracing tracing) {
    this.topic = topic;
    this.tracing = tracing;
    this.json = json;
    this.executor = executor;
    this.settings = settings;
    this.producers = producers;
    this.maxRecordBytes = maxRecordBytes;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.thread = new Thread(this::run, "event-publisher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private static Supplier<Producer<String, byte[]>> transactional(
      Map<String, Object> producerConfig, String transactionalId, PublisherSettings settings) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.kafkaWait().toMillis());
    return () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  // the producer refuses a record larger than its request or its whole buffer (KafkaProducer.ensureValidRecordSize)
  private static int maxRecordBytes(Map<String, Object> producerConfig) {
    return Math.min(
        intSetting(producerConfig, ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        (int) Math.min(Integer.MAX_VALUE, longSetting(producerConfig, ProducerConfig.BUFFER_MEMORY_CONFIG)));
  }

  private static int intSetting(Map<String, Object> config, String name) {
    return (int) longSetting(config, name);
  }

  private static long longSetting(Map<String, Object> config, String name) {
    Object value = config.getOrDefault(name, ProducerConfig.configDef().defaultValues().get(name));
    return Long.parseLong(String.valueOf(value).trim());
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
    for (ProducerRecord<String, byte[]> record : records) {
      int bytes = sizeInKafka(record);
      if (bytes > maxRecordBytes) {
        return CompletableFuture.failedFuture(RecordRefusedException.tooLarge(record.key(), bytes, maxRecordBytes));
      }
    }
    Pending pending = new Pending(records, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      return CompletableFuture.failedFuture(new RejectedExecutionException(
          "the node's Kafka publisher has " + settings.queueCapacity() + " requests waiting; retry"));
    }
    return pending.done().thenApplyAsync(count -> count, executor);
  }

  // as the producer counts it before it sends
  private static int sizeInKafka(ProducerRecord<String, byte[]> record) {
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, record.value(), record.headers().toArray());
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

  // each try leaves out at least one request, so the group ends within as many tries as it has requests
  private void commit(List<Pending> group) {
    List<Pending> remaining = group;
    while (!remaining.isEmpty()) {
      remaining = commitOrLeaveOutRefused(remaining);
    }
  }

  /**
   * Commits the group in one transaction. When it fails because Kafka refused records of some of its
   * requests, those fail and the others are returned, to go again in a new transaction; any other failure
   * fails them all.
   */
  private List<Pending> commitOrLeaveOutRefused(List<Pending> group) {
    List<Sent> sent = new ArrayList<>();
    try {
      Producer<String, byte[]> transactional = producer();
      transactional.beginTransaction();
      for (Pending pending : group) {
        for (ProducerRecord<String, byte[]> record : pending.records()) {
          sent.add(new Sent(pending, record.key(), transactional.send(record)));
        }
      }
      // flushes the sends, and throws if any of them failed
      transactional.commitTransaction();
      for (Pending pending : group) {
        pending.done().complete(pending.records().size());
      }
      return List.of();
    } catch (KafkaException e) {
      // aborting may block on a broker that is gone; a new producer with the same id aborts it instead
      closeProducer();
      Map<Pending, RecordRefusedException> refused = refused(sent);
      List<Pending> innocent = new ArrayList<>(group.size());
      for (Pending pending : group) {
        RecordRefusedException refusal = refused.get(pending);
        if (refusal != null) {
          pending.done().completeExceptionally(refusal);
        } else if (refused.isEmpty()) {
          pending.done().completeExceptionally(e);
        } else {
          innocent.add(pending);
        }
      }
      if (refused.isEmpty()) {
        log.warn("a transaction of {} requests to {} failed, none of their records is committed: {}",
            group.size(), topic, e.toString());
      } else {
        log.warn("Kafka refused records of {} of a transaction's {} requests to {}; the other {} go again without"
            + " them: {}", refused.size(), group.size(), topic, innocent.size(), e.toString());
      }
      return innocent;
    }
  }

  /** The requests of which Kafka refused a record for the record's own sake, each with the first such refusal. */
  private static Map<Pending, RecordRefusedException> refused(List<Sent> sent) {
    Map<Pending, RecordRefusedException> refused = new IdentityHashMap<>();
    for (Sent record : sent) {
      if (!record.result().isDone() || refused.containsKey(record.request())) {
        continue;
      }
      try {
        record.result().get();
      } catch (ExecutionException failed) {
        if (RecordRefusedException.aboutTheRecord(failed.getCause())) {
          refused.put(record.request(), RecordRefusedException.of(record.key(), failed.getCause()));
        }
      } catch (InterruptedException | CancellationException notRefused) {
        // done, so neither happens; a cancelled send refused nothing
      }
    }
    return refused;
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      producer = producers.get();
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
