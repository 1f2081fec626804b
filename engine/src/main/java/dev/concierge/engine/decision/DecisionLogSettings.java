package dev.concierge.engine.decision;

import com.typesafe.config.Config;

/**
 * How decisions reach the {@code decisions} topic, read from {@code concierge.decisions.log}.
 *
 * @param buffer     decisions queued for Kafka; beyond this they are dropped and counted
 * @param inFlight   decisions sent and not yet acknowledged
 * @param dispatcher where the logging stream runs, apart from the threads that answer shoppers
 * @param producer   the log's own Kafka producer settings (Pekko's {@code pekko.kafka.producer} layout)
 */
public record DecisionLogSettings(String topic, int buffer, int inFlight, String dispatcher, Config producer) {

  public static DecisionLogSettings fromConfig(String topic, Config log) {
    return new DecisionLogSettings(
        topic, log.getInt("buffer"), log.getInt("in-flight"), log.getString("dispatcher"), log.getConfig("producer"));
  }
}
