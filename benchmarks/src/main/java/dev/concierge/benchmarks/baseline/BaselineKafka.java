package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.KafkaSettings;

/**
 * The node's Kafka settings ({@code concierge.kafka}) with the brokers and topics of
 * {@code concierge.baseline.kafka}, which default to the node's: the baseline reads the same topics
 * with the same consumer settings, under its own consumer group.
 */
final class BaselineKafka {

  private BaselineKafka() {}

  static KafkaSettings fromConfig(Config concierge) {
    KafkaSettings node = KafkaSettings.fromConfig(concierge);
    Config baseline = concierge.getConfig("baseline.kafka");
    return new KafkaSettings(
        baseline.getString("bootstrap-servers"),
        baseline.getString("events-topic"),
        node.eventsPartitions(),
        node.deadLetterTopic(),
        baseline.getString("catalog-topic"),
        node.decisionsTopic(),
        node.triggersTopic(),
        node.triggerDeadLetterTopic(),
        node.createTopics(),
        node.topicReadyTimeout());
  }
}
