package dev.concierge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.CatalogItem;
import dev.concierge.persistence.json.CatalogJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real Kafka producer and consumer for tests, as a storefront or an operator would use them. */
final class TestKafka implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaSettings topics;
  private final KafkaProducer<String, byte[]> producer;

  TestKafka(KafkaSettings topics) {
    this.topics = topics;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  void produceEvent(String customerId, String json) {
    send(topics.eventsTopic(), customerId, json.getBytes(StandardCharsets.UTF_8));
  }

  void loadCatalog(List<CatalogItem> items) {
    CatalogJson json = new CatalogJson(new ObjectMapper());
    for (CatalogItem item : items) {
      send(topics.catalogTopic(), item.itemId(), json.write(item));
    }
  }

  /** Reads the dead-letter topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<String, byte[]>> deadLetters(int count, Duration timeout) {
    return records(topics.deadLetterTopic(), count, timeout);
  }

  /** Reads the decisions topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<String, byte[]>> decisions(int count, Duration timeout) {
    return records(topics.decisionsTopic(), count, timeout);
  }

  private List<ConsumerRecord<String, byte[]>> records(String topic, int count, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(POLL).forEach(records::add);
      }
    }
    return records;
  }

  private void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
