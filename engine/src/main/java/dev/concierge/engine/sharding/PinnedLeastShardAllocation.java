package dev.concierge.engine.sharding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.apache.pekko.cluster.sharding.external.ExternalShardAllocation;
import org.apache.pekko.cluster.sharding.external.ExternalShardAllocationStrategy.ShardLocation;
import org.apache.pekko.cluster.sharding.external.javadsl.ExternalShardAllocationClient;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggingAdapter;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.ExecutionContextExecutor;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;

/**
 * Pekko's least-shard allocation, with operator pins on top. A pin is a shard location written by
 * {@code POST /admin/shards/{id}/move} through Pekko's {@link ExternalShardAllocation} client, in
 * Distributed Data. A pinned shard is allocated to its node, and a rebalance round moves pinned
 * shards that are elsewhere before anything else. Unpinned shards, and pinned ones whose node is not
 * an Up member (it was drained, or is leaving), are placed and balanced by the least-shard strategy
 * within its limits; pinned moves keep to the same limits per round ({@link PinPlanner}).
 */
public final class PinnedLeastShardAllocation implements ShardCoordinator.ActorSystemDependentAllocationStrategy {

  private final String typeName;
  private final ShardCoordinator.ShardAllocationStrategy least;
  private final PinPlanner<Address> planner;
  private ExternalShardAllocationClient pins;
  private Cluster cluster;
  private ExecutionContextExecutor executor;
  private LoggingAdapter log;

  public PinnedLeastShardAllocation(String typeName, ShardingSettings settings) {
    this.typeName = typeName;
    this.least =
        ShardCoordinator.ShardAllocationStrategy$.MODULE$.leastShardAllocationStrategy(
            settings.rebalanceAbsoluteLimit(), settings.rebalanceRelativeLimit());
    this.planner = new PinPlanner<>(
        settings.rebalanceAbsoluteLimit(), settings.rebalanceRelativeLimit(), settings.numberOfShards());
  }

  @Override
  public void start(ActorSystem system) {
    if (least instanceof ShardCoordinator.ActorSystemDependentAllocationStrategy needsSystem) {
      needsSystem.start(system);
    }
    pins = ExternalShardAllocation.get((ClassicActorSystemProvider) system).getClient(typeName);
    cluster = Cluster.get(system);
    executor = system.dispatchers().internalDispatcher();
    log = Logging.getLogger(system, getClass());
  }

  @Override
  public Future<ActorRef> allocateShard(
      ActorRef requester,
      String shardId,
      scala.collection.immutable.Map<ActorRef, IndexedSeq<String>> currentShardAllocations) {
    Map<Address, ActorRef> regions = regionsByAddress(currentShardAllocations);
    regions.keySet().retainAll(upMembers());
    CompletionStage<ActorRef> region =
        pinnedLocations()
            .thenComposeAsync(
                pinned -> {
                  ActorRef pinnedRegion = pinned.containsKey(shardId) ? regions.get(pinned.get(shardId)) : null;
                  return pinnedRegion != null
                      ? CompletableFuture.completedFuture(pinnedRegion)
                      : FutureConverters.asJava(least.allocateShard(requester, shardId, currentShardAllocations));
                },
                executor);
    return FutureConverters.asScala(region);
  }

  @Override
  public Future<scala.collection.immutable.Set<String>> rebalance(
      scala.collection.immutable.Map<ActorRef, IndexedSeq<String>> currentShardAllocations,
      scala.collection.immutable.Set<String> rebalanceInProgress) {
    Map<String, Address> current = locationsOf(currentShardAllocations);
    Set<Address> ready = new HashSet<>(regionsByAddress(currentShardAllocations).keySet());
    ready.retainAll(upMembers());
    CompletionStage<Set<String>> shards =
        pinnedLocations()
            .thenComposeAsync(
                pinned -> {
                  Set<String> misplaced = planner.misplaced(pinned, current, ready, rebalanceInProgress.size());
                  if (!misplaced.isEmpty()) {
                    log.info("moving shards {} to the nodes operators pinned them to", misplaced);
                    return CompletableFuture.completedFuture(misplaced);
                  }
                  return FutureConverters.asJava(least.rebalance(currentShardAllocations, rebalanceInProgress))
                      .thenApplyAsync(proposed -> planner.withoutPinnedInPlace(
                          new HashSet<>(CollectionConverters.asJava(proposed)), pinned, current), executor);
                },
                executor);
    return FutureConverters.asScala(shards.thenApplyAsync(PinnedLeastShardAllocation::toScalaSet, executor));
  }

  // a leaving node still has its region until it is gone, but takes no shards
  private Set<Address> upMembers() {
    Set<Address> up = new HashSet<>();
    for (Member member : cluster.state().getMembers()) {
      if (member.status() == MemberStatus.up()) {
        up.add(member.address());
      }
    }
    return up;
  }

  /** The pins, or none when Distributed Data cannot answer: allocation must go on without them. */
  private CompletionStage<Map<String, Address>> pinnedLocations() {
    return pins.getShardLocations()
        .handleAsync(
            (locations, failure) -> {
              Map<String, Address> pinned = new HashMap<>();
              if (failure != null) {
                log.warning("shard pins unavailable ({}); allocating without them", failure.toString());
                return pinned;
              }
              for (Map.Entry<String, ShardLocation> pin : locations.getShardLocations().entrySet()) {
                pinned.put(pin.getKey(), pin.getValue().address());
              }
              return pinned;
            },
            executor);
  }

  private Map<Address, ActorRef> regionsByAddress(
      scala.collection.immutable.Map<ActorRef, IndexedSeq<String>> allocations) {
    Map<Address, ActorRef> regions = new HashMap<>();
    for (ActorRef region : CollectionConverters.asJava(allocations.keySet())) {
      regions.put(addressOf(region), region);
    }
    return regions;
  }

  private Map<String, Address> locationsOf(scala.collection.immutable.Map<ActorRef, IndexedSeq<String>> allocations) {
    Map<String, Address> locations = new HashMap<>();
    CollectionConverters.asJava(allocations).forEach((region, shards) -> {
      Address address = addressOf(region);
      CollectionConverters.asJava(shards).forEach(shard -> locations.put(shard, address));
    });
    return locations;
  }

  // the local region's path has no host and port, and pins always do
  private Address addressOf(ActorRef region) {
    Address address = region.path().address();
    return address.hasLocalScope() ? cluster.selfAddress() : address;
  }

  @SuppressWarnings("unchecked")
  private static scala.collection.immutable.Set<String> toScalaSet(Set<String> shards) {
    // Scala's toSet widens the element type; the elements are the same strings
    return (scala.collection.immutable.Set<String>) (Object) CollectionConverters.asScala(shards).toSet();
  }
}
