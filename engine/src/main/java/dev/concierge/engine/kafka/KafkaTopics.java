package dev.concierge.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics and waits until every partition answers. The wait matters: on Kafka 4.4 a producer
 * that writes right after topic creation can silently lose its first batch (KAFKA-15591).
 * Blocking by design; call it at start-up or from tools, never from an actor.
 */
public final class KafkaTopics {

  private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);
  private static final short SINGLE_REPLICA = 1;
  private static final long RETRY_PAUSE_MILLIS = 100;

  private KafkaTopics() {}

  public static void ensure(String bootstrapServers, List<TopicSpec> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(adminProperties(bootstrapServers))) {
      create(admin, topics, timeout);
      awaitPartitions(admin, topics, deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing Kafka topics", e);
    }
  }

  /** The partitions {@code topic} has now; the stage fails if the topic does not exist. */
  public static CompletionStage<Set<TopicPartition>> partitionsOf(String bootstrapServers, String topic) {
    Admin admin = Admin.create(adminProperties(bootstrapServers));
    return admin.describeTopics(List.of(topic)).allTopicNames().toCompletionStage()
        .handle(
            (descriptions, failure) -> {
              admin.close(Duration.ZERO);
              if (failure != null) {
                throw new CompletionException(failure);
              }
              Set<TopicPartition> partitions = new HashSet<>();
              descriptions.get(topic).partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
              return partitions;
            });
  }

  private static Properties adminProperties(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  private static void create(Admin admin, List<TopicSpec> topics, Duration timeout) throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(new NewTopic(topic.name(), topic.partitions(), SINGLE_REPLICA).configs(topic.configs()));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> created :
          admin.createTopics(missing).values().entrySet()) {
        try {
          created.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          log.info("created Kafka topic {}", created.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create Kafka topics " + topics + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until every partition of the topics answers. A topic that existed before keeps the partitions it
   * has: one made elsewhere with another count (by another tool, or with another partition setting) is
   * awaited as it is, with a warning, instead of waiting for partitions it will never have.
   */
  private static void awaitPartitions(Admin admin, List<TopicSpec> topics, long deadlineNanos)
      throws InterruptedException {
    Map<String, Integer> wanted = new HashMap<>();
    topics.forEach(topic -> wanted.put(topic.name(), topic.partitions()));
    Exception last = null;
    while (System.nanoTime() < deadlineNanos) {
      try {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(wanted.keySet()).allTopicNames().get().forEach((name, description) -> {
          if (description.partitions().size() != wanted.get(name)) {
            log.warn("Kafka topic {} has {} partitions, not the {} configured; it is used as it is", name,
                description.partitions().size(), wanted.get(name));
          }
          description.partitions().forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
        });
        admin.listOffsets(partitions).all().get();
        return;
      } catch (ExecutionException e) {
        last = e;
        Thread.sleep(RETRY_PAUSE_MILLIS);
      }
    }
    throw new IllegalStateException("Kafka partitions of " + topics + " did not become ready", last);
  }
}
