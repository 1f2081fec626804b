package dev.concierge.engine.cluster;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.engine.sharding.ShardActivityReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Where the shards live and how busy they are: sharding's statistics from every region, joined with
 * every node's shard activity, rates scaled to a minute.
 */
final class ShardStatistics {

  private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

  /** Events and decisions per minute, then entities, then the lower shard id. */
  static final Comparator<ClusterAdmin.Shard> HOTTEST_FIRST = Comparator
      .comparingLong((ClusterAdmin.Shard shard) -> shard.eventsPerMinute() + shard.decisionsPerMinute())
      .thenComparingLong(ClusterAdmin.Shard::entities)
      .reversed()
      .thenComparingInt(shard -> Integer.parseInt(shard.shardId()));

  private final ActorSystem<?> system;
  private final Cluster cluster;
  private final int numberOfShards;
  private final ClusterAdminSettings settings;
  private final Executor executor;

  ShardStatistics(ActorSystem<?> system, int numberOfShards, ClusterAdminSettings settings) {
    this.system = system;
    this.cluster = Cluster.get(system);
    this.numberOfShards = numberOfShards;
    this.settings = settings;
    this.executor = system.executionContext();
  }

  CompletionStage<ClusterAdmin.ShardsView> view() {
    return regions().thenCombineAsync(activity(), this::view, executor);
  }

  /** The node the shard lives on now, if it is allocated. */
  CompletionStage<Optional<Address>> locate(String shardId) {
    return regions().thenApplyAsync(stats -> stats.getRegions().entrySet().stream()
        .filter(region -> region.getValue().getStats().containsKey(shardId))
        .map(region -> nodeAddress(region.getKey()))
        .findFirst(), executor);
  }

  private ClusterAdmin.ShardsView view(
      ShardRegion.ClusterShardingStats stats, List<ShardActivityReporter.Report> reports) {
    Map<String, ClusterAdmin.Shard> shards = new HashMap<>();
    List<ClusterAdmin.NodeShards> nodes = new ArrayList<>();
    stats.getRegions().forEach((region, regionStats) -> {
      String node = nodeAddress(region).toString();
      long entities = 0;
      for (Map.Entry<String, Object> shard : regionStats.getStats().entrySet()) {
        int count = (Integer) shard.getValue();
        entities += count;
        shards.put(shard.getKey(), new ClusterAdmin.Shard(shard.getKey(), node, count, 0, 0));
      }
      nodes.add(new ClusterAdmin.NodeShards(node, regionStats.getStats().size(), entities));
    });
    for (ShardActivityReporter.Report report : reports) {
      for (ShardActivity.ShardRate rate : report.shards()) {
        ClusterAdmin.Shard shard =
            shards.getOrDefault(rate.shardId(), new ClusterAdmin.Shard(rate.shardId(), null, 0, 0, 0));
        shards.put(rate.shardId(), new ClusterAdmin.Shard(
            shard.shardId(), shard.node(), shard.entities(),
            shard.eventsPerMinute() + perMinute(rate.events()),
            shard.decisionsPerMinute() + perMinute(rate.decisions())));
      }
    }
    nodes.sort(Comparator.comparing(ClusterAdmin.NodeShards::address));
    List<ClusterAdmin.Shard> hottestFirst = new ArrayList<>(shards.values());
    hottestFirst.sort(HOTTEST_FIRST);
    List<String> unreachable = cluster.state().getUnreachable().stream()
        .map(member -> member.address().toString()).sorted().toList();
    return new ClusterAdmin.ShardsView(numberOfShards, nodes, hottestFirst, unreachable);
  }

  private long perMinute(long countInWindow) {
    return countInWindow * MINUTE_MILLIS / settings.activityWindow().toMillis();
  }

  private CompletionStage<ShardRegion.ClusterShardingStats> regions() {
    return AskPattern.ask(
        ClusterSharding.get(system).shardState(),
        replyTo -> new GetClusterShardingStats(CustomerEntity.ENTITY_KEY, settings.statsTimeout(), replyTo),
        settings.statsTimeout().multipliedBy(2),
        system.scheduler());
  }

  /** Every node's activity report; a node that does not answer in time is left out. */
  private CompletionStage<List<ShardActivityReporter.Report>> activity() {
    Duration timeout = settings.statsTimeout();
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
            system.receptionist(), replyTo -> Receptionist.find(ShardActivityReporter.KEY, replyTo), timeout,
            system.scheduler())
        .thenComposeAsync(listing -> {
          List<CompletableFuture<Optional<ShardActivityReporter.Report>>> asks = new ArrayList<>();
          for (var reporter : listing.getServiceInstances(ShardActivityReporter.KEY)) {
            asks.add(AskPattern.<ShardActivityReporter.Command, ShardActivityReporter.Report>ask(
                    reporter, ShardActivityReporter.Collect::new, timeout, system.scheduler())
                .handleAsync((report, failure) -> Optional.ofNullable(report), executor)
                .toCompletableFuture());
          }
          return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
              .thenApplyAsync(all -> asks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList(),
                  executor);
        }, executor);
  }

  // the local region's address has no host and port
  private Address nodeAddress(Address regionAddress) {
    return regionAddress.hasLocalScope() ? cluster.selfMember().address() : regionAddress;
  }
}
