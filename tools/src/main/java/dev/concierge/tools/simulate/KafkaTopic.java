package dev.concierge.tools.simulate;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.KafkaSettings;

/** {@code --kafka}: the node's {@code customer-events} topic, at the configured bootstrap servers. */
record KafkaTopic() implements Destination {

  @Override
  public EventSink open(Config config) {
    return KafkaTopicSink.open(settings(config));
  }

  @Override
  public String verb() {
    return "produced";
  }

  @Override
  public String describe(Config config) {
    KafkaSettings kafka = settings(config);
    return "to Kafka topic " + kafka.eventsTopic() + " at " + kafka.bootstrapServers();
  }

  @Override
  public String failure(Exception error, Config config) {
    String bootstrap = settings(config).bootstrapServers();
    return error.getMessage() + "; is Kafka running at " + bootstrap + "? (bin/concierge services start)";
  }

  private static KafkaSettings settings(Config config) {
    return KafkaSettings.fromConfig(config.getConfig("concierge"));
  }
}
