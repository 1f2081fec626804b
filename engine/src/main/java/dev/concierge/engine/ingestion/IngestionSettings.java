package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import java.time.Duration;

/**
 * How events flow from {@code customer-events} into customer actors, read from {@code concierge.ingestion}.
 *
 * @param parallelism how many batches of records are in flight to customer actors at once
 * @param maxBatch    the most records in one batch: those that arrived while the batches in flight were busy
 * @param maxEventsPerCustomer the most events of one customer in one command (one write)
 * @param askTimeout  how long a customer actor has to confirm a persist before it is asked again
 * @param persistRetry how an unconfirmed event is asked again while its partition waits
 * @param reasonHeader the Kafka header that carries why a record went to the dead-letter topic
 */
public record IngestionSettings(
    boolean enabled,
    String groupId,
    int parallelism,
    int maxBatch,
    int maxEventsPerCustomer,
    Duration askTimeout,
    PersistRetry persistRetry,
    String reasonHeader,
    RestartBackoff restart) {

  public IngestionSettings {
    if (parallelism < 1 || maxBatch < 1 || maxEventsPerCustomer < 1) {
      throw new IllegalArgumentException("ingestion.parallelism, max-batch and max-events-per-customer must be at"
          + " least 1, not " + parallelism + ", " + maxBatch + " and " + maxEventsPerCustomer);
    }
  }

  public static IngestionSettings fromConfig(Config concierge) {
    Config ingestion = concierge.getConfig("ingestion");
    return new IngestionSettings(
        ingestion.getBoolean("enabled"),
        ingestion.getString("group-id"),
        ingestion.getInt("parallelism"),
        ingestion.getInt("max-batch"),
        ingestion.getInt("max-events-per-customer"),
        ingestion.getDuration("ask-timeout"),
        PersistRetry.fromConfig(ingestion.getConfig("persist-retry")),
        ingestion.getString("dead-letter-reason-header"),
        RestartBackoff.fromConfig(ingestion.getConfig("restart")));
  }
}
