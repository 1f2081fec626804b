package dev.concierge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.CatalogItem;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.testing.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real Kafka producer and consumer for tests, as a storefront or an operator would use them. */
final class TestKafka implements AutoCloseable {


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

  /**
   * As a producer that compresses (gzip) and allows requests of {@code maxRequestBytes} sends it: a value far
   * larger than the topic's limit, which the broker takes since it measures the compressed batch.
   */
  void produceCompressed(String key, byte[] value, int maxRequestBytes) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
    try (KafkaProducer<String, byte[]> compressing =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      compressing.send(new ProducerRecord<>(topics.eventsTopic(), key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not produce the compressed record", e);
    }
  }

  void loadCatalog(List<CatalogItem> items) {
    CatalogJson json = new CatalogJson(new ObjectMapper());
    for (CatalogItem item : items) {
      send(topics.catalogTopic(), item.itemId(), json.write(item));
    }
  }

  /** Reads the events topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<byte[], byte[]>> events(int count, Duration timeout) {
    return records(topics.eventsTopic(), count, timeout);
  }

  /** Reads the dead-letter topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<byte[], byte[]>> deadLetters(int count, Duration timeout) {
    return records(topics.deadLetterTopic(), count, timeout);
  }

  /** Reads the catalog topic from the start until {@code count} records arrived, or {@code timeout} passed. */
  List<ConsumerRecord<byte[], byte[]>> catalogRecords(int count, Duration timeout) {
    return records(topics.catalogTopic(), count, timeout);
  }

  /** Reads the decisions topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<byte[], byte[]>> decisions(int count, Duration timeout) {
    return records(topics.decisionsTopic(), count, timeout);
  }

  /** Reads the trigger topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<byte[], byte[]>> triggers(int count, Duration timeout) {
    return records(topics.triggersTopic(), count, timeout);
  }

  /** Reads the trigger dead-letter topic from the start until {@code count} records arrived. */
  List<ConsumerRecord<byte[], byte[]>> triggerDeadLetters(int count, Duration timeout) {
    return records(topics.triggerDeadLetterTopic(), count, timeout);
  }

  private List<ConsumerRecord<byte[], byte[]>> records(String topic, int count, Duration timeout) {
    return TopicRecords.fromStart(topics.bootstrapServers(), topic, count, timeout);
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
