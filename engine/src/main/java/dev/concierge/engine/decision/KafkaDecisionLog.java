package dev.concierge.engine.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.models.RankedItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every decision to the {@code decisions} topic, keyed by customer id, for later evaluation of
 * models and experiments: {@code {"decisionId","customerId","at","modelVersion","experiment","arm",
 * "fallback","items":[{"itemId","score"}]}}. Sending never delays or fails the answer; failures are
 * counted and logged.
 */
public final class KafkaDecisionLog implements DecisionLog {

  private static final Logger log = LoggerFactory.getLogger(KafkaDecisionLog.class);
  private static final int INITIAL_BUFFER_BYTES = 512;

  private final SendProducer<String, byte[]> producer;
  private final String topic;
  private final JsonFactory json;
  private final Clock clock;
  private final LongAdder failures = new LongAdder();

  public KafkaDecisionLog(SendProducer<String, byte[]> producer, String topic, JsonFactory json, Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void record(DecisionOutcome outcome) {
    producer
        .send(new ProducerRecord<>(topic, outcome.customerId(), bytes(outcome)))
        .whenComplete(
            (metadata, failure) -> {
              if (failure != null) {
                failures.increment();
                log.warn("decision {} was not logged to {}: {}", outcome.decisionId(), topic, failure.toString());
              }
            });
  }

  /** Decisions that could not be logged since start. */
  public long failureCount() {
    return failures.sum();
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
