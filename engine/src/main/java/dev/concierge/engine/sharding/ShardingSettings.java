package dev.concierge.engine.sharding;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How customers are spread over the cluster, as configured under {@code pekko.cluster.sharding}: the
 * number of shards, how many shards one rebalance round may move, and when idle customers leave memory.
 */
public record ShardingSettings(
    int numberOfShards,
    Duration rebalanceInterval,
    int rebalanceAbsoluteLimit,
    double rebalanceRelativeLimit,
    Duration passivationIdleTimeout,
    int activeEntityLimit) {

  public static ShardingSettings fromConfig(Config root) {
    Config sharding = root.getConfig("pekko.cluster.sharding");
    Config least = sharding.getConfig("least-shard-allocation-strategy");
    Config passivation = sharding.getConfig("passivation.default-strategy");
    return new ShardingSettings(
        sharding.getInt("number-of-shards"),
        sharding.getDuration("rebalance-interval"),
        least.getInt("rebalance-absolute-limit"),
        least.getDouble("rebalance-relative-limit"),
        passivation.getDuration("idle-entity.timeout"),
        passivation.getInt("active-entity-limit"));
  }
}
