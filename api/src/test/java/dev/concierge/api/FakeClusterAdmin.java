package dev.concierge.api;

import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.cluster.ClusterAdminException;
import dev.concierge.engine.sharding.ShardingSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The cluster as a route test sets it up: fixed views, the move and drain results it should give,
 * and the calls that reached it. Like {@code ClusterAdminService}, it rejects a bad argument by
 * throwing a {@link ClusterAdminException} before any stage exists.
 */
class FakeClusterAdmin implements ClusterAdmin {

  static final String NODE_1 = "pekko://concierge@127.0.0.1:2551";
  static final String NODE_2 = "pekko://concierge@127.0.0.1:2552";
  static final Duration LONGEST_ANSWER = Duration.ofSeconds(5);
  static final ShardingSettings SHARDING =
      new ShardingSettings(100, Duration.ofSeconds(2), 5, 0.1, Duration.ofMinutes(30), 100_000, false);

  MembersView members = new MembersView(NODE_1, NODE_1, NODE_1, List.of(
      new ClusterMember(NODE_1, "Up", List.of("dc-default"), true),
      new ClusterMember(NODE_2, "Leaving", List.of("dc-default"), false)));
  ShardsView shards = new ShardsView(100,
      List.of(new NodeShards(NODE_1, 2, 30), new NodeShards(NODE_2, 1, 5)),
      List.of(new Shard("7", NODE_1, 20, 600, 60), new Shard("3", NODE_1, 10, 5, 0), new Shard("9", NODE_2, 5, 0, 0)),
      List.of(NODE_2),
      List.of(NODE_2));
  MoveStatus moveStatus = MoveStatus.MOVED;
  DrainStatus drainStatus = DrainStatus.REMOVED;
  /** When set, moves and drains reject their arguments with it. */
  ClusterAdminException rejection;

  final List<List<String>> moves = new CopyOnWriteArrayList<>();
  final List<String> drains = new CopyOnWriteArrayList<>();

  @Override
  public MembersView members() {
    return members;
  }

  @Override
  public CompletionStage<ShardsView> shards() {
    return CompletableFuture.completedFuture(shards);
  }

  @Override
  public CompletionStage<MoveResult> move(String shardId, String toAddress) {
    rejectIfTold();
    moves.add(List.of(shardId, toAddress));
    return CompletableFuture.completedFuture(new MoveResult(shardId, NODE_1, toAddress, moveStatus, 1500));
  }

  @Override
  public CompletionStage<DrainResult> drain(String address) {
    rejectIfTold();
    drains.add(address);
    return CompletableFuture.completedFuture(new DrainResult(address, drainStatus, 8000));
  }

  @Override
  public CompletionStage<AllocationView> allocation() {
    return CompletableFuture.completedFuture(
        new AllocationView("least-shard-allocation with operator pins", SHARDING, Map.of("7", NODE_2)));
  }

  @Override
  public Duration longestAnswer() {
    return LONGEST_ANSWER;
  }

  private void rejectIfTold() {
    if (rejection != null) {
      throw rejection;
    }
  }
}
