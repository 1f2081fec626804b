package dev.concierge.engine.kafka;

import java.util.Map;

/** A topic to create: its name, partition count and topic-level configs. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

  public TopicSpec {
    configs = Map.copyOf(configs);
  }

  public static TopicSpec regular(String name, int partitions) {
    return new TopicSpec(name, partitions, Map.of());
  }

  public static TopicSpec compacted(String name, int partitions) {
    return new TopicSpec(name, partitions, Map.of("cleanup.policy", "compact"));
  }
}
