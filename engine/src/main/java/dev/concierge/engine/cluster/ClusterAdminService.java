package dev.concierge.engine.cluster;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.sharding.ShardingSettings;
import dev.concierge.models.SafeText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.StreamSupport;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.sharding.external.ExternalShardAllocation;
import org.apache.pekko.cluster.sharding.external.javadsl.ExternalShardAllocationClient;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;

/** {@link ClusterAdmin} on this node: Cluster state, {@link ShardStatistics}, and the shard pins. */
public final class ClusterAdminService implements ClusterAdmin {

  private static final String STRATEGY = "least-shard-allocation with operator pins";
  private static final String ALIGNED_STRATEGY = "shards aligned with Kafka partitions, pinned where consumed";

  private final Cluster cluster;
  private final ShardingSettings sharding;
  private final ClusterAdminSettings settings;
  private final ShardStatistics statistics;
  private final Polling polling;
  private final ExternalShardAllocationClient pins;
  private final Executor executor;
  private final Clock clock;

  public ClusterAdminService(
      ActorSystem<?> system, ShardingSettings sharding, ClusterAdminSettings settings, Clock clock) {
    this.cluster = Cluster.get(system);
    this.sharding = sharding;
    this.settings = settings;
    this.statistics = new ShardStatistics(system, sharding.numberOfShards(), settings);
    this.polling = new Polling(system, settings.pollEvery(), clock);
    this.pins = ExternalShardAllocation.get(system).getClient(CustomerEntity.ENTITY_KEY.name());
    this.executor = system.executionContext();
    this.clock = clock;
  }

  @Override
  public MembersView members() {
    var state = cluster.state();
    List<Member> members = liveMembers();
    List<ClusterMember> views = new ArrayList<>();
    for (Member member : members) {
      views.add(new ClusterMember(
          member.address().toString(),
          member.status().toString(),
          List.copyOf(member.getRoles()),
          !state.getUnreachable().contains(member)));
    }
    String oldest = members.stream()
        .filter(member -> member.status() == MemberStatus.up())
        .reduce((a, b) -> a.isOlderThan(b) ? a : b)
        .map(member -> member.address().toString())
        .orElse(null);
    String leader = Optional.ofNullable(state.getLeader()).map(Address::toString).orElse(null);
    return new MembersView(cluster.selfMember().address().toString(), leader, oldest, views);
  }

  @Override
  public CompletionStage<ShardsView> shards() {
    return statistics.view();
  }

  @Override
  public CompletionStage<MoveResult> move(String shardId, String toAddress) {
    requireShard(shardId);
    Address target = upMember(toAddress);
    long started = clock.millis();
    // the pin comes first, also for a shard already there: an older pin elsewhere must not pull it away
    return pin(shardId, target)
        .thenComposeAsync(pinned -> statistics.locate(shardId), executor)
        .thenComposeAsync(from -> from.isPresent() && from.get().equals(target)
            ? CompletableFuture.completedFuture(
                result(shardId, from, target, MoveStatus.ALREADY_THERE, started))
            : awaitArrival(shardId, from, target, started), executor);
  }

  // the pin is a local write of replicated data; a replicator too busy to confirm it is asked again
  private CompletionStage<Done> pin(String shardId, Address target) {
    return polling.until(() -> pins.setShardLocation(shardId, target)
                .handleAsync((done, failure) -> Optional.ofNullable(done), executor), settings.moveTimeout())
        .thenApplyAsync(done -> done.orElseThrow(() -> new IllegalStateException(
            "shard " + shardId + " could not be pinned to " + target + " within " + settings.moveTimeout()
                + ": this node's replicator did not confirm the write")), executor);
  }

  // a shard between nodes (rebalancing, or handed off and not used since) has no location: it starts
  // on its pin at its next message, so that too is waited for
  private CompletionStage<MoveResult> awaitArrival(
      String shardId, Optional<Address> from, Address target, long started) {
    return polling.until(() -> statistics.locate(shardId)
                .thenApplyAsync(at -> at.filter(target::equals), executor), settings.moveTimeout())
        .thenComposeAsync(arrived -> arrived.isPresent()
            ? CompletableFuture.completedFuture(result(shardId, from, target, MoveStatus.MOVED, started))
            : statistics.locate(shardId).thenApplyAsync(
                at -> result(shardId, from, target, notArrived(from.isPresent(), at.isPresent()), started),
                executor),
            executor);
  }

  private MoveResult result(String shardId, Optional<Address> from, Address to, MoveStatus status, long started) {
    return new MoveResult(
        shardId, from.map(Address::toString).orElse(null), to.toString(), status, clock.millis() - started);
  }

  private static MoveStatus notArrived(boolean wasAllocated, boolean isAllocated) {
    if (isAllocated) {
      return MoveStatus.PENDING;
    }
    return wasAllocated ? MoveStatus.HANDED_OFF : MoveStatus.PINNED;
  }

  @Override
  public CompletionStage<DrainResult> drain(String address) {
    Member leaving = memberAt(NodeAddresses.parse(address)).orElseThrow(() -> unknownNode(address));
    long started = clock.millis();
    cluster.manager().tell(Leave.create(leaving.address()));
    if (leaving.uniqueAddress().equals(cluster.selfMember().uniqueAddress())) {
      // this node is on its way out and will not see the end: ask another node to wait for it
      return CompletableFuture.completedFuture(
          new DrainResult(leaving.address().toString(), DrainStatus.LEAVING, 0));
    }
    // the same incarnation: a node restarted at once on the same address is another member
    UniqueAddress incarnation = leaving.uniqueAddress();
    return polling.<Boolean>until(() -> CompletableFuture.completedFuture(
                liveMembers().stream().noneMatch(member -> member.uniqueAddress().equals(incarnation))
                    ? Optional.of(true) : Optional.empty()),
            settings.drainTimeout())
        .thenApplyAsync(removed -> new DrainResult(
            leaving.address().toString(),
            removed.isPresent() ? DrainStatus.REMOVED : DrainStatus.LEAVING,
            clock.millis() - started), executor);
  }

  @Override
  public CompletionStage<AllocationView> allocation() {
    return pins.getShardLocations().thenApplyAsync(locations -> {
      Map<String, String> pinned = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
      locations.getShardLocations().forEach((shard, location) -> pinned.put(shard, location.address().toString()));
      return new AllocationView(
          sharding.alignedWithKafkaPartitions() ? ALIGNED_STRATEGY : STRATEGY, sharding, pinned);
    }, executor);
  }

  @Override
  public Duration longestAnswer() {
    return settings.longestAnswer();
  }

  private void requireShard(String shardId) {
    int shard;
    try {
      shard = Integer.parseInt(shardId);
    } catch (NumberFormatException e) {
      shard = -1;
    }
    if (shard < 0 || shard >= sharding.numberOfShards() || !Integer.toString(shard).equals(shardId)) {
      throw new ClusterAdminException(ClusterAdminException.Reason.UNKNOWN_SHARD,
          "shard '" + SafeText.of(shardId) + "' does not exist: shard ids are 0.." + (sharding.numberOfShards() - 1));
    }
  }

  private Address upMember(String address) {
    Member member = memberAt(NodeAddresses.parse(address)).orElseThrow(() -> unknownNode(address));
    if (member.status() != MemberStatus.up()) {
      throw new ClusterAdminException(ClusterAdminException.Reason.NODE_NOT_UP,
          "'" + address + "' is " + member.status() + ", and only an Up member takes shards; the members are: "
              + knownMembers());
    }
    return member.address();
  }

  private Optional<Member> memberAt(Address address) {
    return liveMembers().stream().filter(member -> member.address().equals(address)).findFirst();
  }

  private List<Member> liveMembers() {
    return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .filter(member -> member.status() != MemberStatus.removed())
        .toList();
  }

  private ClusterAdminException unknownNode(String address) {
    return new ClusterAdminException(ClusterAdminException.Reason.UNKNOWN_NODE,
        "'" + SafeText.of(address) + "' is not a member; the members are: " + knownMembers());
  }

  private String knownMembers() {
    return String.join(", ", liveMembers().stream()
        .map(member -> member.address() + " (" + member.status() + ")").toList());
  }
}
