package dev.concierge.tools.simulate;

import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.engine.kafka.TopicSpec;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces to {@code customer-events}, keyed by customer so that each shopper's events stay in order. */
final class KafkaTopicSink implements EventSink {

  /** Batches a little without delaying a paced stream noticeably. */
  private static final int LINGER_MS = 5;

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  private KafkaTopicSink(KafkaProducer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  static KafkaTopicSink open(KafkaSettings kafka) {
    // waits until the partitions answer: the first batch sent to a brand-new topic can vanish (KAFKA-15591)
    KafkaTopics.ensure(
        kafka.bootstrapServers(),
        List.of(TopicSpec.regular(kafka.eventsTopic(), kafka.eventsPartitions())),
        kafka.topicReadyTimeout());
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    return new KafkaTopicSink(
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()), kafka.eventsTopic());
  }

  @Override
  public void accept(String customerId, byte[] json) {
    throwIfFailed();
    producer.send(new ProducerRecord<>(topic, customerId, json), (metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
    });
  }

  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException("Kafka did not take an event: " + error.getMessage(), error);
    }
  }
}
