package dev.concierge.engine.cluster;

import dev.concierge.engine.sharding.ShardingSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The operator's view of the cluster and its controls: members, where shards live and how busy they
 * are, moving a shard, draining a node. Bad arguments fail with a {@link ClusterAdminException}.
 */
public interface ClusterAdmin {

  MembersView members();

  CompletionStage<ShardsView> shards();

  /** Pins the shard to the node, then waits a while for it to arrive there. */
  CompletionStage<MoveResult> move(String shardId, String toAddress);

  /** Makes the node leave the cluster gracefully, handing its shards off, and waits until it is gone. */
  CompletionStage<DrainResult> drain(String address);

  CompletionStage<AllocationView> allocation();

  /** The longest a move or drain takes to answer, so that the HTTP request waits as long. */
  Duration longestAnswer();

  record ClusterMember(String address, String status, List<String> roles, boolean reachable) {}

  /** @param leader the cluster leader, or {@code null} while there is none */
  record MembersView(String self, String leader, String oldest, List<ClusterMember> members) {}

  record NodeShards(String address, int shards, long entities) {}

  /**
   * @param node where the shard lives, or {@code null} when it is not allocated now (it had activity
   *     in the window, then moved or went idle)
   */
  record Shard(String shardId, String node, long entities, long eventsPerMinute, long decisionsPerMinute) {}

  /**
   * @param shards    hottest first
   * @param lateNodes members that did not list their shards in time: their shards are missing here
   */
  record ShardsView(
      int numberOfShards, List<NodeShards> nodes, List<Shard> shards, List<String> unreachableNodes,
      List<String> lateNodes) {}

  enum MoveStatus {
    /** it lives on the target now */
    MOVED,
    /** it was not allocated, and no message came while the move waited: it starts on the target at its next */
    PINNED,
    /** it left its node, and no message came while the move waited: it starts on the target at its next */
    HANDED_OFF,
    /** it already lived there */
    ALREADY_THERE,
    /** still under way when the wait ended; it goes on */
    PENDING
  }

  /** @param from the node it lived on, or {@code null} */
  record MoveResult(String shardId, String from, String to, MoveStatus status, long tookMs) {}

  enum DrainStatus {
    REMOVED,
    /** leaving, but not gone when the wait ended (or the node asked drains itself) */
    LEAVING
  }

  record DrainResult(String address, DrainStatus status, long tookMs) {}

  record AllocationView(String strategy, ShardingSettings settings, Map<String, String> pins) {}
}
