package dev.concierge.engine.kafka;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.ConsumerSettings;

/**
 * Where the engine's topics live, read from {@code concierge.kafka}.
 *
 * @param createTopics whether a node creates missing topics at start (dev and tests; in production
 *     the topics are provisioned)
 */
public record KafkaSettings(
    String bootstrapServers,
    String eventsTopic,
    int eventsPartitions,
    String deadLetterTopic,
    String catalogTopic,
    String decisionsTopic,
    String triggersTopic,
    String triggerDeadLetterTopic,
    boolean createTopics,
    Duration topicReadyTimeout) {

  public static KafkaSettings fromConfig(Config concierge) {
    Config kafka = concierge.getConfig("kafka");
    return new KafkaSettings(
        kafka.getString("bootstrap-servers"),
        kafka.getString("topics.events"),
        kafka.getInt("topics.events-partitions"),
        kafka.getString("topics.dead-letters"),
        kafka.getString("topics.catalog"),
        kafka.getString("topics.decisions"),
        kafka.getString("topics.triggers"),
        kafka.getString("topics.trigger-dead-letters"),
        kafka.getBoolean("create-topics"),
        kafka.getDuration("topic-ready-timeout"));
  }

  /**
   * Settings for a consumer of this cluster, from {@code concierge.kafka.consumer}; records arrive as
   * a String key and the raw value.
   */
  public ConsumerSettings<String, byte[]> consumerSettings(ActorSystem<?> system) {
    return ConsumerSettings.create(
            system.settings().config().getConfig("concierge.kafka.consumer"),
            new StringDeserializer(),
            new ByteArrayDeserializer())
        .withBootstrapServers(bootstrapServers);
  }

  /** The topics a node reads and writes, with their layout. */
  public List<TopicSpec> topics() {
    return List.of(
        TopicSpec.regular(eventsTopic, eventsPartitions),
        TopicSpec.regular(deadLetterTopic, 1),
        TopicSpec.compacted(catalogTopic, 1),
        TopicSpec.regular(decisionsTopic, eventsPartitions),
        // not compacted: every firing is a message of its own, and a customer fires many over time
        TopicSpec.regular(triggersTopic, eventsPartitions),
        TopicSpec.regular(triggerDeadLetterTopic, 1));
  }
}
