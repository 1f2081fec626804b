package dev.concierge.engine.sharding;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How customers are spread over the cluster, as configured under {@code pekko.cluster.sharding}: the
 * number of shards, how many shards one rebalance round may move, and when idle customers leave memory.
 *
 * @param alignedWithKafkaPartitions each shard is one partition of the events topic and lives where
 *     that partition is consumed ({@code concierge.sharding.align-with-kafka-partitions}); the
 *     number of shards is then the number of partitions
 */
public record ShardingSettings(
    int numberOfShards,
    Duration rebalanceInterval,
    int rebalanceAbsoluteLimit,
    double rebalanceRelativeLimit,
    Duration passivationIdleTimeout,
    int activeEntityLimit,
    boolean alignedWithKafkaPartitions) {

  public static ShardingSettings fromConfig(Config root) {
    Config sharding = root.getConfig("pekko.cluster.sharding");
    Config least = sharding.getConfig("least-shard-allocation-strategy");
    Config passivation = sharding.getConfig("passivation.default-strategy");
    boolean aligned = root.getBoolean("concierge.sharding.align-with-kafka-partitions");
    return new ShardingSettings(
        aligned ? root.getInt("concierge.kafka.topics.events-partitions") : sharding.getInt("number-of-shards"),
        sharding.getDuration("rebalance-interval"),
        least.getInt("rebalance-absolute-limit"),
        least.getDouble("rebalance-relative-limit"),
        passivation.getDuration("idle-entity.timeout"),
        passivation.getInt("active-entity-limit"),
        aligned);
  }

  /** The customer-to-shard function these settings call for. */
  public CustomerShards customerShards(ShardActivity activity) {
    return alignedWithKafkaPartitions
        ? CustomerShards.byKafkaPartition(numberOfShards, activity)
        : CustomerShards.byHash(numberOfShards, activity);
  }
}
