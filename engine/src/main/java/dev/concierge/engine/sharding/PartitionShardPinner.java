package dev.concierge.engine.sharding;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.external.ExternalShardAllocation;
import org.apache.pekko.cluster.sharding.external.javadsl.ExternalShardAllocationClient;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.kafka.ConsumerRebalanceEvent;
import org.apache.pekko.kafka.TopicPartitionsAssigned;
import scala.jdk.javaapi.CollectionConverters;

/**
 * With shards aligned to Kafka partitions: pins each shard to the node whose consumer was just
 * assigned its partition, so that the ask from ingestion to the customer stays on the node. The
 * pins go through the same allocation as an operator's moves ({@link PinnedLeastShardAllocation}).
 */
public final class PartitionShardPinner {

  private PartitionShardPinner() {}

  public static Behavior<ConsumerRebalanceEvent> create(String typeName) {
    return Behaviors.setup(context -> {
      ExternalShardAllocationClient pins =
          ExternalShardAllocation.get(context.getSystem()).getClient(typeName);
      Address self = Cluster.get(context.getSystem()).selfMember().address();
      return Behaviors.receive(ConsumerRebalanceEvent.class)
          .onMessage(TopicPartitionsAssigned.class, assigned -> {
            Map<String, Address> here = new HashMap<>();
            for (TopicPartition partition : CollectionConverters.asJava(assigned.topicPartitions())) {
              here.put(Integer.toString(partition.partition()), self);
            }
            context.getLog().info("partitions {} are consumed here: pinning their shards to this node", here.keySet());
            pins.setShardLocations(here);
            return Behaviors.same();
          })
          .onAnyMessage(revoked -> Behaviors.same())
          .build();
    });
  }
}
