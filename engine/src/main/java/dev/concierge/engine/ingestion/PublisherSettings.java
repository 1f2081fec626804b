package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How {@code POST /v1/events} publishes, read from {@code concierge.kafka.publisher}.
 *
 * @param maxRequestsPerTransaction requests that waited while a transaction committed, committed together
 * @param queueCapacity      requests that may wait for the publisher; more are answered 503 at once
 * @param transactionTimeout how long Kafka keeps a transaction of a vanished node open, holding the
 *     partitions' read_committed readers
 * @param kafkaWait          the longest a transaction's start or commit waits for Kafka (max.block.ms)
 */
public record PublisherSettings(
    int maxRequestsPerTransaction, int queueCapacity, Duration transactionTimeout, Duration kafkaWait) {

  public PublisherSettings {
    if (maxRequestsPerTransaction < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("kafka.publisher.max-requests-per-transaction and queue-capacity must be at"
          + " least 1, not " + maxRequestsPerTransaction + " and " + queueCapacity);
    }
  }

  public static PublisherSettings fromConfig(Config publisher) {
    return new PublisherSettings(
        publisher.getInt("max-requests-per-transaction"),
        publisher.getInt("queue-capacity"),
        publisher.getDuration("transaction-timeout"),
        publisher.getDuration("kafka-wait"));
  }
}
