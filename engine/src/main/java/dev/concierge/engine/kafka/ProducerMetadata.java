package dev.concierge.engine.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For producers that never block ({@code max.block.ms} = 0), whose sends fail while a topic's metadata is missing. */
public final class ProducerMetadata {

  private static final Logger log = LoggerFactory.getLogger(ProducerMetadata.class);

  private ProducerMetadata() {}

  /**
   * Without the topic's metadata every send fails at once; asking for it now (which fails at once too)
   * has the producer's I/O thread fetch it before the first sends.
   */
  public static void askFor(Producer<?, ?> producer, String topic) {
    try {
      producer.partitionsFor(topic);
    } catch (KafkaException notYet) {
      log.debug("the metadata of {} is on its way: {}", topic, notYet.toString());
    }
  }
}
