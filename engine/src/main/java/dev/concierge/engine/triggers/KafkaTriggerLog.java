package dev.concierge.engine.triggers;

import com.fasterxml.jackson.core.JsonFactory;
import dev.concierge.engine.kafka.NonBlockingProducer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every fired trigger to the {@code customer-triggers} topic, keyed by customer id, through a
 * Kafka producer of its own. The customer's actor hands a record to the producer's buffer and goes on:
 * the producer never blocks ({@code max.block.ms} = 0) and its I/O thread sends. A record the producer
 * cannot take (its buffer full through a long Kafka outage) is logged as lost: the firing itself is in
 * the journal, so the rule's interval still holds.
 */
public final class KafkaTriggerLog implements TriggerLog {

  private static final Logger log = LoggerFactory.getLogger(KafkaTriggerLog.class);
  /** The Kafka header with the record's trigger id, so that the webhook need not parse the record. */
  public static final String TRIGGER_ID_HEADER = "concierge-trigger-id";

  private final String topic;
  private final Producer<String, byte[]> producer;
  private final JsonFactory json;
  private final TriggerSettings settings;
  private final Executor blocking;

  private KafkaTriggerLog(
      String topic, Producer<String, byte[]> producer, JsonFactory json, TriggerSettings settings, Executor blocking) {
    this.topic = topic;
    this.producer = producer;
    this.json = json;
    this.settings = settings;
    this.blocking = blocking;
  }

  public static KafkaTriggerLog start(
      ActorSystem<?> system, String bootstrapServers, String topic, TriggerSettings settings, JsonFactory json) {
    return new KafkaTriggerLog(
        topic, NonBlockingProducer.start(settings.producer(), bootstrapServers, topic), json, settings, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  @Override
  public void publish(TriggerRecord record) {
    try {
      ProducerRecord<String, byte[]> published = new ProducerRecord<>(topic, record.customerId(), record.json(json));
      published.headers().add(TRIGGER_ID_HEADER, record.triggerId().getBytes(StandardCharsets.UTF_8));
      producer.send(
          published,
          (metadata, failure) -> {
            if (failure != null) {
              lost(record, failure);
            }
          });
    } catch (KafkaException | IllegalStateException notSent) {
      lost(record, notSent);
    }
  }

  private void lost(TriggerRecord record, Exception failure) {
    log.warn("trigger {} was not published to {}: {}", record.triggerId(), topic, failure.toString());
  }

  /** Sends what is in the producer's buffer, then closes it. */
  public CompletionStage<Done> stop() {
    // close waits for the last sends: off the dispatchers that run customers
    return NonBlockingProducer.close(producer, settings.closeTimeout(), blocking);
  }
}
