package dev.concierge.engine.cluster;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.engine.sharding.ShardActivityReporter;
import dev.concierge.engine.sharding.ShardingSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.external.ExternalShardAllocation;
import org.apache.pekko.cluster.sharding.external.javadsl.ExternalShardAllocationClient;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.pattern.Patterns;

/** {@link ClusterAdmin} on this node: Cluster state, sharding statistics and every node's shard activity. */
public final class ClusterAdminService implements ClusterAdmin {

  private static final String STRATEGY = "least-shard-allocation with operator pins";

  private final ActorSystem<?> system;
  private final Cluster cluster;
  private final ShardingSettings sharding;
  private final ClusterAdminSettings settings;
  private final ExternalShardAllocationClient pins;
  private final Executor executor;
  private final Clock clock;

  public ClusterAdminService(
      ActorSystem<?> system, ShardingSettings sharding, ClusterAdminSettings settings, Clock clock) {
    this.system = system;
    this.cluster = Cluster.get(system);
    this.sharding = sharding;
    this.settings = settings;
    this.pins = ExternalShardAllocation.get(system).getClient(CustomerEntity.ENTITY_KEY.name());
    this.executor = system.executionContext();
    this.clock = clock;
  }

  @Override
  public MembersView members() {
    var state = cluster.state();
    List<Member> sorted = liveMembers();
    List<ClusterMember> views = new ArrayList<>();
    for (Member member : sorted) {
      views.add(new ClusterMember(
          member.address().toString(),
          member.status().toString(),
          List.copyOf(member.getRoles()),
          !state.getUnreachable().contains(member)));
    }
    String oldest = sorted.stream()
        .filter(member -> member.status() == MemberStatus.up())
        .reduce((a, b) -> a.isOlderThan(b) ? a : b)
        .map(member -> member.address().toString())
        .orElse(null);
    String leader = Optional.ofNullable(state.getLeader()).map(Address::toString).orElse(null);
    return new MembersView(cluster.selfMember().address().toString(), leader, oldest, views);
  }

  @Override
  public CompletionStage<ShardsView> shards() {
    return shardingStats().thenCombineAsync(activity(), this::shardsView, executor);
  }

  @Override
  public CompletionStage<MoveResult> move(String shardId, String toAddress) {
    requireShard(shardId);
    Address target = member(toAddress, MemberStatus.up());
    long started = clock.millis();
    return locate(shardId).thenComposeAsync(from -> {
      String fromText = from.map(Address::toString).orElse(null);
      if (from.isPresent() && from.get().equals(target)) {
        return done(new MoveResult(shardId, fromText, target.toString(), MoveStatus.ALREADY_THERE, 0));
      }
      // a shard between nodes (rebalancing, or handed off and not yet used) has no location: it
      // starts on its pin at its next message, so that too is waited for
      return pins.setShardLocation(shardId, target).thenComposeAsync(pinned ->
          until(() -> locate(shardId).thenApplyAsync(at -> at.filter(target::equals), executor), settings.moveTimeout())
              .thenComposeAsync(arrived -> arrived.isPresent()
                  ? done(new MoveResult(shardId, fromText, target.toString(), MoveStatus.MOVED, elapsed(started)))
                  : locate(shardId).thenApplyAsync(at -> new MoveResult(
                      shardId, fromText, target.toString(), notArrived(from.isPresent(), at.isPresent()),
                      elapsed(started)), executor),
                  executor),
          executor);
    }, executor);
  }

  private static MoveStatus notArrived(boolean wasAllocated, boolean isAllocated) {
    if (isAllocated) {
      return MoveStatus.PENDING;
    }
    return wasAllocated ? MoveStatus.HANDED_OFF : MoveStatus.PINNED;
  }

  @Override
  public CompletionStage<DrainResult> drain(String address) {
    Member leaving = memberAt(address)
        .orElseThrow(() -> unknownNode(address, "a member"));
    long started = clock.millis();
    cluster.manager().tell(Leave.create(leaving.address()));
    if (leaving.address().equals(cluster.selfMember().address())) {
      // this node is on its way out and will not see the end: ask another node to wait for it
      return done(new DrainResult(address, DrainStatus.LEAVING, 0));
    }
    Supplier<CompletionStage<Optional<Boolean>>> gone = () -> CompletableFuture.completedFuture(
        memberAt(address).isEmpty() ? Optional.of(true) : Optional.empty());
    return until(gone, settings.drainTimeout()).thenApplyAsync(removed -> new DrainResult(
        leaving.address().toString(),
        removed.isPresent() ? DrainStatus.REMOVED : DrainStatus.LEAVING,
        elapsed(started)), executor);
  }

  @Override
  public CompletionStage<AllocationView> allocation() {
    return pins.getShardLocations().thenApplyAsync(locations -> {
      Map<String, String> pinned = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
      locations.getShardLocations().forEach((shard, location) -> pinned.put(shard, location.address().toString()));
      return new AllocationView(STRATEGY, sharding, pinned);
    }, executor);
  }

  private ShardsView shardsView(ShardRegion.ClusterShardingStats stats, List<ShardActivityReporter.Report> reports) {
    Map<String, ClusterAdmin.Shard> shards = new HashMap<>();
    List<NodeShards> nodes = new ArrayList<>();
    stats.getRegions().forEach((region, regionStats) -> {
      String node = nodeAddress(region).toString();
      long entities = 0;
      for (Map.Entry<String, Object> shard : regionStats.getStats().entrySet()) {
        int count = (Integer) shard.getValue();
        entities += count;
        shards.put(shard.getKey(), new ClusterAdmin.Shard(shard.getKey(), node, count, 0, 0));
      }
      nodes.add(new NodeShards(node, regionStats.getStats().size(), entities));
    });
    for (ShardActivityReporter.Report report : reports) {
      for (ShardActivity.ShardRate rate : report.shards()) {
        ClusterAdmin.Shard shard =
            shards.getOrDefault(rate.shardId(), new ClusterAdmin.Shard(rate.shardId(), null, 0, 0, 0));
        shards.put(rate.shardId(), new ClusterAdmin.Shard(
            shard.shardId(), shard.node(), shard.entities(),
            shard.eventsPerMinute() + rate.events(), shard.decisionsPerMinute() + rate.decisions()));
      }
    }
    nodes.sort(Comparator.comparing(NodeShards::address));
    List<ClusterAdmin.Shard> hottestFirst = new ArrayList<>(shards.values());
    hottestFirst.sort(Comparator
        .comparingLong((ClusterAdmin.Shard shard) -> shard.eventsPerMinute() + shard.decisionsPerMinute())
        .thenComparingLong(ClusterAdmin.Shard::entities)
        .reversed()
        .thenComparingInt(shard -> Integer.parseInt(shard.shardId())));
    List<String> unreachable = cluster.state().getUnreachable().stream()
        .map(member -> member.address().toString()).sorted().toList();
    return new ShardsView(sharding.numberOfShards(), nodes, hottestFirst, unreachable);
  }

  private CompletionStage<ShardRegion.ClusterShardingStats> shardingStats() {
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

  /** The node the shard lives on now, if it is allocated. */
  private CompletionStage<Optional<Address>> locate(String shardId) {
    return shardingStats().thenApplyAsync(stats -> stats.getRegions().entrySet().stream()
        .filter(region -> region.getValue().getStats().containsKey(shardId))
        .map(region -> nodeAddress(region.getKey()))
        .findFirst(), executor);
  }

  /** Tries again every poll period until the attempt gives a value or the time is up. */
  private <T> CompletionStage<Optional<T>> until(Supplier<CompletionStage<Optional<T>>> attempt, Duration within) {
    long deadline = clock.millis() + within.toMillis();
    return poll(attempt, deadline);
  }

  private <T> CompletionStage<Optional<T>> poll(Supplier<CompletionStage<Optional<T>>> attempt, long deadline) {
    return attempt.get().thenComposeAsync(result -> {
      if (result.isPresent() || clock.millis() >= deadline) {
        return CompletableFuture.completedFuture(result);
      }
      return Patterns.after(
          settings.pollEvery(), system.classicSystem().scheduler(), system.executionContext(),
          () -> poll(attempt, deadline));
    }, executor);
  }

  private void requireShard(String shardId) {
    int shard;
    try {
      shard = Integer.parseInt(shardId);
    } catch (NumberFormatException e) {
      shard = -1;
    }
    if (shard < 0 || shard >= sharding.numberOfShards() || !Integer.toString(shard).equals(shardId)) {
      throw new IllegalArgumentException(
          "shard '" + shardId + "' does not exist: shard ids are 0.." + (sharding.numberOfShards() - 1));
    }
  }

  private Address member(String address, MemberStatus status) {
    return memberAt(address)
        .filter(member -> member.status() == status)
        .map(Member::address)
        .orElseThrow(() -> unknownNode(address, "an " + status + " member"));
  }

  private Optional<Member> memberAt(String address) {
    Address parsed = parse(address);
    return liveMembers().stream().filter(member -> member.address().equals(parsed)).findFirst();
  }

  private List<Member> liveMembers() {
    return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .filter(member -> member.status() != MemberStatus.removed())
        .toList();
  }

  private IllegalArgumentException unknownNode(String address, String what) {
    String known = String.join(", ", liveMembers().stream()
        .map(member -> member.address() + " (" + member.status() + ")").toList());
    return new IllegalArgumentException("'" + address + "' is not " + what + "; the members are: " + known);
  }

  private static Address parse(String address) {
    try {
      return AddressFromURIString.parse(address);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + address + "' is not a node address; give one like pekko://concierge@127.0.0.1:2551");
    }
  }

  // the local region's address has no host and port
  private Address nodeAddress(Address regionAddress) {
    return regionAddress.hasLocalScope() ? cluster.selfMember().address() : regionAddress;
  }

  private long elapsed(long started) {
    return clock.millis() - started;
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
