package dev.concierge.engine.cluster;

import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.engine.sharding.ShardActivityReporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Where the shards live and how busy they are: every node's own report of the shards its region
 * hosts and of their activity, rates scaled to a minute. A node that does not answer in time is
 * left out and named as late, so that one busy node never fails the whole answer (sharding's
 * cluster-wide statistics wait for the coordinator and every region at once).
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
    return reports().thenApplyAsync(this::view, executor);
  }

  /** The node the shard lives on now, if it is allocated and its node answered in time. */
  CompletionStage<Optional<Address>> locate(String shardId) {
    return reports().thenApplyAsync(reports -> reports.stream()
        .filter(report -> report.hosts(shardId))
        .map(report -> AddressFromURIString.parse(report.node()))
        .findFirst(), executor);
  }

  private ClusterAdmin.ShardsView view(List<ShardActivityReporter.Report> reports) {
    Map<String, ClusterAdmin.Shard> shards = new HashMap<>();
    List<ClusterAdmin.NodeShards> nodes = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (ShardActivityReporter.Report report : reports) {
      if (!report.regionAnswered()) {
        continue;
      }
      answered.add(report.node());
      long entities = 0;
      for (ShardActivityReporter.HostedShard hosted : report.hosted()) {
        entities += hosted.entities();
        shards.put(hosted.shardId(), new ClusterAdmin.Shard(hosted.shardId(), report.node(), hosted.entities(), 0, 0));
      }
      nodes.add(new ClusterAdmin.NodeShards(report.node(), report.hosted().size(), entities));
    }
    for (ShardActivityReporter.Report report : reports) {
      for (ShardActivity.ShardRate rate : report.rates()) {
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
    List<String> late = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up() || member.status() == MemberStatus.leaving())
        .map(member -> member.address().toString())
        .filter(address -> !answered.contains(address))
        .sorted().toList();
    return new ClusterAdmin.ShardsView(numberOfShards, nodes, hottestFirst, unreachable, late);
  }

  private long perMinute(long countInWindow) {
    return countInWindow * MINUTE_MILLIS / settings.activityWindow().toMillis();
  }

  /** Every node's report; a node that does not answer in time is left out. Never fails. */
  private CompletionStage<List<ShardActivityReporter.Report>> reports() {
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
        }, executor)
        // a receptionist too busy to answer leaves every node out, as if each were late
        .exceptionally(failure -> List.of());
  }
}
