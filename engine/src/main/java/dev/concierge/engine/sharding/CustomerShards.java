package dev.concierge.engine.sharding;

import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.utils.Utils;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;

/**
 * Which shard a customer belongs to, and this node's count of shard activity. Either Pekko's hash of
 * the customer id, or the Kafka partition the customer's events are keyed to (Kafka's default
 * partitioner: murmur2 of the key), so that a shard and its partition can live on the same node.
 */
public final class CustomerShards {

  private final ShardActivity activity;
  private final ToIntFunction<String> shardOf;
  // the extractor names a shard for every message it routes: the names are made once
  private final String[] shardIds;

  private CustomerShards(int numberOfShards, ShardActivity activity, ToIntFunction<String> shardOf) {
    this.activity = activity;
    this.shardOf = shardOf;
    this.shardIds = new String[numberOfShards];
    for (int shard = 0; shard < numberOfShards; shard++) {
      shardIds[shard] = Integer.toString(shard);
    }
  }

  /** The same shards as sharding's {@code HashCodeMessageExtractor}: the id's hash code, modulo the shards. */
  public static CustomerShards byHash(int numberOfShards, ShardActivity activity) {
    return new CustomerShards(numberOfShards, activity, customerId -> Math.abs(customerId.hashCode() % numberOfShards));
  }

  /** Shard n is partition n of the events topic, for events keyed by customer id. */
  public static CustomerShards byKafkaPartition(int partitions, ShardActivity activity) {
    return new CustomerShards(partitions, activity, customerId ->
        Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % partitions);
  }

  public int numberOfShards() {
    return shardIds.length;
  }

  public int shardOf(String customerId) {
    return shardOf.applyAsInt(customerId);
  }

  public ShardActivity activity() {
    return activity;
  }

  /** Routes sharding envelopes by {@link #shardOf}. */
  public <M> ShardingMessageExtractor<ShardingEnvelope<M>, M> extractor() {
    return new ShardingMessageExtractor<>() {
      @Override
      public String entityId(ShardingEnvelope<M> envelope) {
        return envelope.entityId();
      }

      @Override
      public String shardId(String entityId) {
        return shardIds[shardOf(entityId)];
      }

      @Override
      public M unwrapMessage(ShardingEnvelope<M> envelope) {
        return envelope.message();
      }
    };
  }
}
