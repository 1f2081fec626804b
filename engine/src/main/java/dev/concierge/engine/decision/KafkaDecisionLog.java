package dev.concierge.engine.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.models.RankedItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.concierge.engine.metrics.NodeMetrics;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every decision to the {@code decisions} topic, keyed by customer id, for later evaluation of
 * models and experiments: {@code {"decisionId","customerId","at","modelVersion","experiment","arm",
 * "fallback","items":[{"itemId","score"}]}}. Logging never delays or fails the answer: records go
 * through a bounded queue to a stream of their own, so that a Kafka outage (when the producer's
 * buffer fills, its {@code send} blocks) stalls that stream and not the threads that answer
 * shoppers. What cannot be logged is dropped and counted; the log says when that starts and ends.
 */
public final class KafkaDecisionLog implements DecisionLog {

  private static final Logger log = LoggerFactory.getLogger(KafkaDecisionLog.class);
  private static final int INITIAL_BUFFER_BYTES = 512;

  private final String topic;
  private final JsonFactory json;
  private final Clock clock;
  private final NodeMetrics metrics;
  private final BoundedSourceQueue<ProducerRecord<String, byte[]>> queue;
  private final CompletionStage<Done> done;
  private final AtomicBoolean failing = new AtomicBoolean();
  private final SendProducer<String, byte[]> producer;
  private final Executor executor;

  private KafkaDecisionLog(
      ActorSystem<?> system, SendProducer<String, byte[]> producer, DecisionLogSettings settings, JsonFactory json,
      Clock clock, NodeMetrics metrics) {
    this.producer = producer;
    this.executor = system.executionContext();
    this.topic = settings.topic();
    this.json = json;
    this.clock = clock;
    this.metrics = metrics;
    // counting the answer is a few atomic operations, done on the producer's I/O thread without a hop
    Pair<BoundedSourceQueue<ProducerRecord<String, byte[]>>, CompletionStage<Done>> stream =
        Source.<ProducerRecord<String, byte[]>>queue(settings.buffer())
            .mapAsyncUnordered(
                settings.inFlight(),
                record -> producer.send(record).handle((metadata, failure) -> sent(failure)))
            .toMat(Sink.ignore(), Keep.both())
            .withAttributes(ActorAttributes.dispatcher(settings.dispatcher()))
            .run(system);
    this.queue = stream.first();
    this.done = stream.second();
  }

  /**
   * Starts logging with a producer of its own, which waits {@code linger.ms} to send decisions in
   * batches: the storefront never waits for the log, and Kafka handles a request per batch, not per decision.
   */
  public static KafkaDecisionLog start(
      ActorSystem<?> system, String bootstrapServers, DecisionLogSettings settings, JsonFactory json, Clock clock,
      NodeMetrics metrics) {
    SendProducer<String, byte[]> producer = new SendProducer<>(
        ProducerSettings.create(settings.producer(), new StringSerializer(), new ByteArraySerializer())
            .withBootstrapServers(bootstrapServers),
        system);
    return new KafkaDecisionLog(system, producer, settings, json, clock, metrics);
  }

  @Override
  public void record(DecisionOutcome outcome) {
    QueueOfferResult offered = queue.offer(new ProducerRecord<>(topic, outcome.customerId(), bytes(outcome)));
    if (offered != QueueOfferResult.enqueued()) {
      metrics.decisionUnlogged();
      if (failing.compareAndSet(false, true)) {
        log.warn("decisions are not being logged to {}: its queue is full, Kafka is slow or down", topic);
      }
    }
  }

  private Done sent(Throwable failure) {
    if (failure != null) {
      metrics.decisionUnlogged();
      if (failing.compareAndSet(false, true)) {
        log.warn("decisions are not being logged to {}: {}", topic, failure.toString());
      }
    } else if (failing.compareAndSet(true, false)) {
      log.info("decisions are logged to {} again", topic);
    }
    return Done.getInstance();
  }

  /** Sends what is queued, then closes its producer; decisions recorded after this are dropped. */
  public CompletionStage<Done> stop() {
    queue.complete();
    return done.thenComposeAsync(sent -> producer.close(), executor);
  }

  private byte[] bytes(DecisionOutcome outcome) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    try (JsonGenerator generator = json.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("decisionId", outcome.decisionId());
      generator.writeStringField("customerId", outcome.customerId());
      generator.writeStringField("at", clock.instant().toString());
      generator.writeStringField("modelVersion", outcome.modelVersion());
      generator.writeStringField("experiment", outcome.experiment());
      generator.writeStringField("arm", outcome.arm());
      generator.writeBooleanField("fallback", outcome.fallback());
      generator.writeArrayFieldStart("items");
      for (RankedItem item : outcome.items()) {
        generator.writeStartObject();
        generator.writeStringField("itemId", item.itemId());
        generator.writeNumberField("score", item.score());
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
