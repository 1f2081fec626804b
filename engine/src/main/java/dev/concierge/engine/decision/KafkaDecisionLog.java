package dev.concierge.engine.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.engine.json.RankedItemsJson;
import dev.concierge.engine.kafka.NonBlockingProducer;
import dev.concierge.engine.metrics.NodeMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every decision to the {@code decisions} topic, keyed by customer id, for later evaluation of
 * models and experiments: {@code {"decisionId","customerId","at","modelVersion","experiment","arm",
 * "fallback","items":[{"itemId","score"}],"traceId"}}, the trace id null while tracing is off. The thread that answers the decision hands it to a Kafka
 * producer of the log's own, whose I/O thread sends batches. Logging never delays or fails the answer:
 * the producer never blocks ({@code max.block.ms} = 0), so with its buffer full or no metadata for the
 * topic (Kafka slow or down) a send fails at once, and the decision is dropped and counted. The log
 * says when that starts and when it ends.
 */
public final class KafkaDecisionLog implements DecisionLog {

  private static final Logger log = LoggerFactory.getLogger(KafkaDecisionLog.class);
  private static final int INITIAL_BUFFER_BYTES = 512;

  private final String topic;
  private final Producer<String, byte[]> producer;
  private final DecisionLogSettings settings;
  private final JsonFactory json;
  private final Clock clock;
  private final NodeMetrics metrics;
  private final Executor blocking;
  private final AtomicBoolean failing = new AtomicBoolean();
  // one callback for every send; Kafka calls it on its I/O thread, or at once when a send fails
  private final Callback sent = this::sent;

  private KafkaDecisionLog(
      Producer<String, byte[]> producer, DecisionLogSettings settings, JsonFactory json, Clock clock,
      NodeMetrics metrics, Executor blocking) {
    this.topic = settings.topic();
    this.producer = producer;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.metrics = metrics;
    this.blocking = blocking;
  }

  /**
   * Starts logging with a producer of its own, which gathers decisions for {@code linger.ms} and sends
   * each batch as one request: the storefront never waits for the log, and Kafka handles a request per
   * batch, not per decision.
   */
  public static KafkaDecisionLog start(
      ActorSystem<?> system, String bootstrapServers, DecisionLogSettings settings, JsonFactory json, Clock clock,
      NodeMetrics metrics) {
    Producer<String, byte[]> producer = NonBlockingProducer.start(settings.producer(), bootstrapServers, settings.topic());
    metrics.kafkaClients().meter(producer, "decision-log");
    return new KafkaDecisionLog(
        producer, settings, json, clock, metrics, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  @Override
  public void record(DecisionOutcome outcome) {
    try {
      producer.send(new ProducerRecord<>(topic, outcome.customerId(), bytes(outcome)), sent);
    } catch (KafkaException | IllegalStateException notSent) {
      // what Kafka does not hand to the callback: the producer is closed, or the record cannot be sent
      sent(null, notSent);
    }
  }

  private void sent(RecordMetadata metadata, Exception failure) {
    if (failure != null) {
      metrics.decisionUnlogged();
      if (failing.compareAndSet(false, true)) {
        log.warn("decisions are not being logged to {}: {}", topic, failure.toString());
      }
    } else if (failing.compareAndSet(true, false)) {
      log.info("decisions are logged to {} again", topic);
    }
  }

  /** Sends what is in the producer's buffer, then closes it; decisions recorded after this are dropped. */
  public CompletionStage<Done> stop() {
    // close waits for the last sends: off the dispatchers that answer shoppers
    return NonBlockingProducer.close(producer, settings.closeTimeout(), blocking);
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
      RankedItemsJson.write(generator, "items", outcome.items(), false);
      generator.writeStringField("traceId", outcome.traceId());
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
