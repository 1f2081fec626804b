package dev.concierge.engine.sharding;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one rebalance round does about operator pins, as plain data: which pinned shards it moves to
 * their node, within the round's limit, and which of the balancer's proposals it keeps. A pin counts
 * only while its node can take shards (an Up member with a shard region, even an empty one).
 *
 * @param <N> how a node is named (an address in the cluster, anything in a test)
 */
final class PinPlanner<N> {

  private final int absoluteLimit;
  private final double relativeLimit;
  private final int numberOfShards;

  PinPlanner(int absoluteLimit, double relativeLimit, int numberOfShards) {
    this.absoluteLimit = absoluteLimit;
    this.relativeLimit = relativeLimit;
    this.numberOfShards = numberOfShards;
  }

  /**
   * Pinned shards that live elsewhere than their pin, where the pinned node can take them, at most
   * the round's limit less the moves already under way; lowest shard ids first, for a stable order.
   *
   * @param current where each allocated shard lives
   * @param ready   the nodes that can take shards
   */
  Set<String> misplaced(Map<String, N> pinned, Map<String, N> current, Set<N> ready, int movesInProgress) {
    int room = roundLimit() - movesInProgress;
    Set<String> misplaced = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    pinned.forEach((shard, pin) -> {
      N at = current.get(shard);
      if (at != null && !at.equals(pin) && ready.contains(pin)) {
        misplaced.add(shard);
      }
    });
    Set<String> thisRound = new HashSet<>();
    for (String shard : misplaced) {
      if (thisRound.size() >= room) {
        break;
      }
      thisRound.add(shard);
    }
    return thisRound;
  }

  /** The balancer's proposals, less the pinned shards that are where their pin says. */
  Set<String> withoutPinnedInPlace(Set<String> proposed, Map<String, N> pinned, Map<String, N> current) {
    Set<String> shards = new HashSet<>(proposed);
    shards.removeIf(shard -> pinned.containsKey(shard) && pinned.get(shard).equals(current.get(shard)));
    return shards;
  }

  /** The most shards one round may move: Pekko's least-shard limits, and at least one. */
  int roundLimit() {
    return Math.max(1, Math.min(absoluteLimit, (int) (relativeLimit * numberOfShards)));
  }
}
