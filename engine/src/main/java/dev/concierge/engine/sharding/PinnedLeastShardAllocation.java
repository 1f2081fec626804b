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
 * a member (it was drained), are placed and balanced by the least-shard strategy within its limits.
 */
public final class PinnedLeastShardAllocation implements ShardCoordinator.ActorSystemDependentAllocationStrategy {

  private final String typeName;
  private final ShardCoordinator.ShardAllocationStrategy least;
  private ExternalShardAllocationClient pins;
  private Address selfAddress;
  private ExecutionContextExecutor executor;
  private LoggingAdapter log;

  public PinnedLeastShardAllocation(String typeName, ShardingSettings settings) {
    this.typeName = typeName;
    this.least =
        ShardCoordinator.ShardAllocationStrategy$.MODULE$.leastShardAllocationStrategy(
            settings.rebalanceAbsoluteLimit(), settings.rebalanceRelativeLimit());
  }

  @Override
  public void start(ActorSystem system) {
    ((ShardCoordinator.ActorSystemDependentAllocationStrategy) least).start(system);
    pins = ExternalShardAllocation.get((ClassicActorSystemProvider) system).getClient(typeName);
    selfAddress = Cluster.get(system).selfAddress();
    executor = system.dispatchers().internalDispatcher();
    log = Logging.getLogger(system, getClass());
  }

  @Override
  public Future<ActorRef> allocateShard(
      ActorRef requester,
      String shardId,
      scala.collection.immutable.Map<ActorRef, IndexedSeq<String>> currentShardAllocations) {
    Map<Address, ActorRef> regions = regionsByAddress(currentShardAllocations);
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
    CompletionStage<Set<String>> shards =
        pinnedLocations()
            .thenComposeAsync(
                pinned -> {
                  Set<String> misplaced = misplacedPins(pinned, current);
                  if (!misplaced.isEmpty()) {
                    log.info("moving shards {} to the nodes operators pinned them to", misplaced);
                    return CompletableFuture.completedFuture(misplaced);
                  }
                  return FutureConverters.asJava(least.rebalance(currentShardAllocations, rebalanceInProgress))
                      .thenApplyAsync(proposed -> withoutPinned(proposed, pinned, current), executor);
                },
                executor);
    return FutureConverters.asScala(shards.thenApplyAsync(PinnedLeastShardAllocation::toScalaSet, executor));
  }

  /** Pinned shards that live on another node than their pin, where the pinned node is a member. */
  private static Set<String> misplacedPins(Map<String, Address> pinned, Map<String, Address> current) {
    Set<Address> members = new HashSet<>(current.values());
    Set<String> misplaced = new HashSet<>();
    pinned.forEach((shard, pin) -> {
      Address at = current.get(shard);
      if (at != null && !at.equals(pin) && members.contains(pin)) {
        misplaced.add(shard);
      }
    });
    return misplaced;
  }

  /** The balancer may not undo an operator's move: pinned shards in place stay. */
  private static Set<String> withoutPinned(
      scala.collection.immutable.Set<String> proposed, Map<String, Address> pinned, Map<String, Address> current) {
    Set<String> shards = new HashSet<>(CollectionConverters.asJava(proposed));
    shards.removeIf(shard -> pinned.containsKey(shard) && pinned.get(shard).equals(current.get(shard)));
    return shards;
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
    return address.hasLocalScope() ? selfAddress : address;
  }

  @SuppressWarnings("unchecked")
  private static scala.collection.immutable.Set<String> toScalaSet(Set<String> shards) {
    // Scala's toSet widens the element type; the elements are the same strings
    return (scala.collection.immutable.Set<String>) (Object) CollectionConverters.asScala(shards).toSet();
  }
}
