package dev.concierge.engine.decision;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How decisions reach the {@code decisions} topic, read from {@code concierge.decisions.log}.
 *
 * @param producer     the log's own Kafka producer's properties ({@code ProducerConfig}'s names)
 * @param closeTimeout how long stopping waits for the decisions still in the producer's buffer
 */
public record DecisionLogSettings(String topic, Config producer, Duration closeTimeout) {

  public static DecisionLogSettings fromConfig(String topic, Config log) {
    return new DecisionLogSettings(topic, log.getConfig("producer"), log.getDuration("close-timeout"));
  }
}
