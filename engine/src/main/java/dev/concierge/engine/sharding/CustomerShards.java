package dev.concierge.engine.sharding;

import org.apache.pekko.cluster.sharding.ShardRegion;

/** Which shard a customer belongs to (Pekko's hash of the id), and this node's count of shard activity. */
public final class CustomerShards {

  private final int numberOfShards;
  private final ShardActivity activity;

  public CustomerShards(int numberOfShards, ShardActivity activity) {
    this.numberOfShards = numberOfShards;
    this.activity = activity;
  }

  public int numberOfShards() {
    return numberOfShards;
  }

  /** The same shard as sharding's {@code HashCodeMessageExtractor} of {@link #numberOfShards()}. */
  public int shardOf(String customerId) {
    return Integer.parseInt(ShardRegion.HashCodeMessageExtractor$.MODULE$.shardId(customerId, numberOfShards));
  }

  public ShardActivity activity() {
    return activity;
  }
}
