package dev.concierge.engine.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;
import org.junit.jupiter.api.Test;

class CustomerShardsTest {

  private static final int SHARDS = 100;
  private static final int PARTITIONS = 6;
  private static final int CUSTOMERS = 10_000;
  private static final int SAMPLES_IN_WINDOW = 12;

  @Test
  void byHashACustomerLandsInTheShardPekkosOwnExtractorWouldPick() {
    CustomerShards shards = CustomerShards.byHash(SHARDS, new ShardActivity(SHARDS, SAMPLES_IN_WINDOW));
    ShardingMessageExtractor<ShardingEnvelope<String>, String> extractor = shards.extractor();

    for (int i = 0; i < CUSTOMERS; i++) {
      String customer = "c-" + i;
      String pekkos = ShardRegion.HashCodeMessageExtractor$.MODULE$.shardId(customer, SHARDS);
      assertEquals(pekkos, Integer.toString(shards.shardOf(customer)), customer);
      assertEquals(pekkos, extractor.shardId(customer), customer);
    }
  }

  @Test
  void byKafkaPartitionACustomerLandsInTheShardOfThePartitionKafkaSendsItsEventsTo() {
    CustomerShards shards = CustomerShards.byKafkaPartition(PARTITIONS, new ShardActivity(PARTITIONS, SAMPLES_IN_WINDOW));

    for (int i = 0; i < CUSTOMERS; i++) {
      String customer = "c-" + i;
      int partition = BuiltInPartitioner.partitionForKey(customer.getBytes(StandardCharsets.UTF_8), PARTITIONS);
      assertEquals(partition, shards.shardOf(customer), customer);
    }
  }

  @Test
  void theExtractorUnwrapsTheEnvelope() {
    ShardingMessageExtractor<ShardingEnvelope<String>, String> extractor =
        CustomerShards.byHash(SHARDS, new ShardActivity(SHARDS, SAMPLES_IN_WINDOW)).extractor();
    ShardingEnvelope<String> envelope = new ShardingEnvelope<>("c-42", "hello");

    assertEquals("c-42", extractor.entityId(envelope));
    assertEquals("hello", extractor.unwrapMessage(envelope));
  }
}
