package dev.concierge.engine.ingestion;

import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.kafka.javadsl.SendProducer;

/** Produces validated events to {@code customer-events}, keyed by customer id as the contract says. */
public final class EventPublisher {

  private final SendProducer<String, byte[]> producer;
  private final String topic;
  private final EventJson json;
  private final Executor executor;

  public EventPublisher(
      SendProducer<String, byte[]> producer, KafkaSettings kafka, EventJson json, Executor executor) {
    this.producer = producer;
    this.topic = kafka.eventsTopic();
    this.json = json;
    this.executor = executor;
  }

  /** Completes with the number of events once Kafka has acknowledged every one of them. */
  public CompletionStage<Integer> publish(List<CustomerEvent> events) {
    CompletableFuture<?>[] sends = new CompletableFuture<?>[events.size()];
    for (int i = 0; i < events.size(); i++) {
      CustomerEvent event = events.get(i);
      sends[i] =
          producer.send(new ProducerRecord<>(topic, event.customerId(), json.write(event))).toCompletableFuture();
    }
    return CompletableFuture.allOf(sends).thenApplyAsync(done -> events.size(), executor);
  }
}
