package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;

/**
 * How a record ingestion refuses goes to the dead-letter topic.
 *
 * @param reasonHeader      the Kafka header that carries why the record was refused
 * @param maxRequestBytes   the dead-letter producer's {@code max.request.size}: a dead letter larger than this
 *     is refused by the producer, so a record that would make one goes truncated instead
 * @param truncatedValueBytes how much of such a record's value its dead letter carries
 */
public record DeadLetterSettings(String reasonHeader, int maxRequestBytes, int truncatedValueBytes) {

  private static final String MAX_REQUEST_SIZE = "concierge.kafka.producer.kafka-clients.max.request.size";

  public DeadLetterSettings {
    // half the request leaves room for the record's key and headers beside the truncated value
    if (truncatedValueBytes < 1 || truncatedValueBytes > maxRequestBytes / 2) {
      throw new IllegalArgumentException("ingestion.dead-letter-truncated-value (" + truncatedValueBytes
          + ") must be from 1 byte to half of " + MAX_REQUEST_SIZE + " (" + maxRequestBytes + ")");
    }
  }

  /** @param config the node's whole configuration: the limit is that of the producer the dead letters go through */
  static DeadLetterSettings fromConfig(Config config) {
    Config ingestion = config.getConfig("concierge.ingestion");
    return new DeadLetterSettings(
        ingestion.getString("dead-letter-reason-header"),
        Math.toIntExact(config.getBytes(MAX_REQUEST_SIZE)),
        Math.toIntExact(ingestion.getBytes("dead-letter-truncated-value")));
  }
}
