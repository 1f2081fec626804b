package dev.concierge.engine.kafka;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka producer of one component's own that callers on actor and request threads hand records to:
 * configured with {@code max.block.ms} = 0, its sends fail at once rather than wait (while its buffer is
 * full or a topic's metadata is missing), and only closing it waits, off those threads.
 */
public final class NonBlockingProducer {

  private static final Logger log = LoggerFactory.getLogger(NonBlockingProducer.class);

  private NonBlockingProducer() {}

  /**
   * A producer with {@code properties} ({@code ProducerConfig}'s names) and the cluster's address. It is
   * asked for {@code topic}'s metadata at once: without it every send fails, and asking (which fails at
   * once too) has its I/O thread fetch it before the first sends.
   */
  public static Producer<String, byte[]> start(Config properties, String bootstrapServers, String topic) {
    Properties settings = new Properties();
    properties.entrySet().forEach(setting -> settings.put(setting.getKey(), setting.getValue().unwrapped().toString()));
    settings.put("bootstrap.servers", bootstrapServers);
    Producer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    try {
      producer.partitionsFor(topic);
    } catch (KafkaException notYet) {
      log.debug("the metadata of {} is on its way: {}", topic, notYet.toString());
    }
    return producer;
  }

  /** Sends what is in the producer's buffer for up to {@code timeout}, then closes it, on {@code blocking}. */
  public static CompletionStage<Done> close(Producer<?, ?> producer, Duration timeout, Executor blocking) {
    return CompletableFuture.supplyAsync(
        () -> {
          producer.close(timeout);
          return Done.getInstance();
        },
        blocking);
  }
}
