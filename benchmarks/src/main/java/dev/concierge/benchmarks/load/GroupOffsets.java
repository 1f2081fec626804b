package dev.concierge.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The end offsets of a topic and what a consumer group has committed of it, as the broker has them now. */
public final class GroupOffsets {

  private final Admin admin;
  private final String topic;

  public GroupOffsets(Admin admin, String topic) {
    this.admin = admin;
    this.topic = topic;
  }

  /** The end offset of every partition. */
  public Map<TopicPartition, Long> ends() throws ExecutionException, InterruptedException {
    int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
  }

  /** Records of the topic the group has committed, over all partitions (none committed counts 0). */
  public long committed(String group) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return committed.entrySet().stream()
        .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
        .mapToLong(entry -> entry.getValue().offset())
        .sum();
  }

  /** How far the group's commits are behind the ends, over all partitions. */
  public long lag(Map<TopicPartition, Long> ends, String group) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      lag += end.getValue() - (at == null ? 0 : at.offset());
    }
    return lag;
  }
}
