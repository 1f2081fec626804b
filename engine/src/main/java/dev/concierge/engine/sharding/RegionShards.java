package dev.concierge.engine.sharding;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;

/**
 * {@link LocalShards} from this node's own shard region. Asking the local region only, rather than
 * the coordinator for every region's statistics, keeps the answer independent of the other nodes
 * and of a coordinator busy allocating shards: a node that is slow to answer delays only itself.
 */
public final class RegionShards implements LocalShards {

  private final ActorSystem system;
  private final String typeName;
  private final Duration timeout;
  private final Executor executor;

  /**
   * @param timeout how long the region may take; longer than
   *     {@code pekko.cluster.sharding.shard-region-query-timeout}, after which the region answers
   *     with the shards that did not count their entities in time listed as failed
   */
  public RegionShards(ActorSystem system, String typeName, Duration timeout) {
    this.system = system;
    this.typeName = typeName;
    this.timeout = timeout;
    this.executor = system.dispatcher();
  }

  @Override
  public CompletionStage<Map<String, Integer>> hosted() {
    ActorRef region;
    try {
      region = ClusterSharding.get(system).shardRegion(typeName);
    } catch (IllegalStateException notStartedYet) {
      return CompletableFuture.failedFuture(notStartedYet);
    }
    return Patterns.ask(region, ShardRegion.getRegionStatsInstance(), timeout)
        .thenApplyAsync(answer -> counts((ShardRegion.ShardRegionStats) answer), executor);
  }

  // a shard too busy to count its entities in time still lives here: it counts as none
  private static Map<String, Integer> counts(ShardRegion.ShardRegionStats stats) {
    Map<String, Integer> counts = new HashMap<>();
    stats.getStats().forEach((shard, entities) -> counts.put(shard, (Integer) entities));
    stats.getFailed().forEach(shard -> counts.putIfAbsent(shard, 0));
    return counts;
  }
}
