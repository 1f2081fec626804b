package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import java.time.Duration;

/**
 * How events flow from {@code customer-events} into customer actors, read from {@code concierge.ingestion}.
 *
 * @param parallelism how many records are in flight to customer actors at once
 * @param askTimeout  how long a customer actor has to confirm a persist before it is asked again
 * @param persistRetry how an unconfirmed event is asked again while its partition waits
 * @param reasonHeader the Kafka header that carries why a record went to the dead-letter topic
 */
public record IngestionSettings(
    boolean enabled,
    String groupId,
    int parallelism,
    Duration askTimeout,
    PersistRetry persistRetry,
    String reasonHeader,
    RestartBackoff restart) {

  public static IngestionSettings fromConfig(Config concierge) {
    Config ingestion = concierge.getConfig("ingestion");
    return new IngestionSettings(
        ingestion.getBoolean("enabled"),
        ingestion.getString("group-id"),
        ingestion.getInt("parallelism"),
        ingestion.getDuration("ask-timeout"),
        PersistRetry.fromConfig(ingestion.getConfig("persist-retry")),
        ingestion.getString("dead-letter-reason-header"),
        RestartBackoff.fromConfig(ingestion.getConfig("restart")));
  }
}
