package dev.concierge.offline.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A Kafka topic read once by a plain consumer: partitions assigned by hand, no consumer group,
 * nothing committed, so that reading never disturbs the live consumers; and only committed records
 * ({@code read_committed}), as ingestion reads them. Each partition is read from a start offset up to
 * its end offset as of {@link #open} (later records are not part of the read), or until the reader
 * {@link #finish}es it sooner.
 *
 * <p>This is the one reader of whole topics: the Kafka replay source merges what it polls, the tools
 * read the catalog and decision topics through {@link #readAll}, and so do tests; the benchmarks' baseline
 * reads its copy of the catalog with it, within a deadline.
 */
public final class TopicRead implements AutoCloseable {

  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

  /** Larger batches than the default 500: this only reads, and each poll has a fixed cost. */
  private static final int MAX_POLL_RECORDS = 5_000;
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final IntPredicate NONE_PAUSED = index -> false;

  /** Takes a record of the partition at {@code index}, in partition order. */
  @FunctionalInterface
  public interface Records {
    void accept(int index, ConsumerRecord<byte[], byte[]> record);
  }

  private final Consumer<byte[], byte[]> consumer;
  private final String description;
  private final Duration stallTimeout;
  private final List<TopicPartition> partitions;
  private final long[] ends;
  private final boolean[] done;
  private final long plannedRecords;
  private long lastProgressNanos = System.nanoTime();
  private boolean closed;

  /**
   * A read of {@code partitions}, which {@code consumer} is assigned, each from its start offset
   * (sought here) to its end offset, exclusive.
   */
  TopicRead(
      Consumer<byte[], byte[]> consumer, String description, Duration stallTimeout, List<TopicPartition> partitions,
      Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
    this.consumer = consumer;
    this.description = description;
    this.stallTimeout = stallTimeout;
    this.partitions = List.copyOf(partitions);
    this.ends = new long[partitions.size()];
    this.done = new boolean[partitions.size()];
    long planned = 0;
    for (int i = 0; i < partitions.size(); i++) {
      TopicPartition partition = partitions.get(i);
      long start = starts.get(partition);
      this.ends[i] = ends.get(partition);
      this.done[i] = start >= this.ends[i];
      consumer.seek(partition, start);
      planned += Math.max(0, this.ends[i] - start);
    }
    this.plannedRecords = planned;
  }

  public static String describe(String bootstrapServers, String topic) {
    return "Kafka topic " + topic + " at " + bootstrapServers;
  }

  /**
   * Every partition of {@code topic}, in partition order, from its first record whose Kafka
   * timestamp is at or after {@code from}, or from its beginning if {@code from} is null.
   *
   * @param stallTimeout give up when Kafka answers nothing for this long
   * @throws ReplaySourceException when the topic does not exist or Kafka cannot be read
   */
  public static TopicRead open(String bootstrapServers, String topic, Instant from, Duration stallTimeout) {
    String description = describe(bootstrapServers, topic);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        properties(bootstrapServers, stallTimeout), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = partitions(consumer, bootstrapServers, topic, stallTimeout);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, stallTimeout);
      Map<TopicPartition, Long> starts = from == null
          ? consumer.beginningOffsets(partitions, stallTimeout)
          : offsetsAt(consumer, partitions, from, ends, stallTimeout);
      consumer.assign(partitions);
      return new TopicRead(consumer, description, stallTimeout, partitions, starts, ends);
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e instanceof KafkaException ? new ReplaySourceException("cannot read " + description + ": " + e.getMessage(), e) : e;
    }
  }

  /**
   * Every record of {@code topic} up to its end as of the call, partition by partition in the order
   * polls bring them.
   *
   * @throws ReplaySourceException when the topic does not exist or Kafka cannot be read
   */
  public static void readAll(
      String bootstrapServers, String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
    try (TopicRead read = open(bootstrapServers, topic, null, DEFAULT_STALL_TIMEOUT)) {
      while (!read.isDone()) {
        read.poll(NONE_PAUSED, (index, record) -> each.accept(record));
      }
    }
  }

  public String description() {
    return description;
  }

  public int partitionCount() {
    return partitions.size();
  }

  /** The records between the start and end offsets: an upper bound of what the read yields. */
  public long plannedRecords() {
    return plannedRecords;
  }

  public boolean isDone(int index) {
    return done[index];
  }

  /** True when every partition is done. */
  public boolean isDone() {
    for (boolean partitionDone : done) {
      if (!partitionDone) {
        return false;
      }
    }
    return true;
  }

  /** Reads no more of the partition at {@code index}, also of what the poll under way brought. */
  public void finish(int index) {
    done[index] = true;
  }

  /**
   * One poll of the partitions neither done nor {@code paused}: each record before its partition's
   * end goes to {@code records}. A partition is done when its position reaches the end: control
   * records (transaction markers) are never returned, but move the position past it.
   *
   * @throws ReplaySourceException when Kafka fails, or no poll has brought anything for the stall timeout
   */
  public void poll(IntPredicate paused, Records records) {
    List<TopicPartition> pausing = new ArrayList<>();
    List<TopicPartition> reading = new ArrayList<>();
    for (int i = 0; i < partitions.size(); i++) {
      (done[i] || paused.test(i) ? pausing : reading).add(partitions.get(i));
    }
    try {
      consumer.pause(pausing);
      consumer.resume(reading);
      ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL_TIMEOUT);
      boolean progressed = !polled.isEmpty();
      for (int i = 0; i < partitions.size(); i++) {
        TopicPartition partition = partitions.get(i);
        for (ConsumerRecord<byte[], byte[]> record : polled.records(partition)) {
          if (done[i] || record.offset() >= ends[i]) {
            // after the end captured on open, or after the reader finished the partition
            done[i] = true;
            continue;
          }
          records.accept(i, record);
          if (record.offset() + 1 >= ends[i]) {
            done[i] = true;
          }
        }
        if (!done[i] && consumer.position(partition) >= ends[i]) {
          done[i] = true;
          progressed = true;
        }
      }
      requireProgress(progressed);
    } catch (KafkaException e) {
      throw new ReplaySourceException("reading " + description + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      consumer.close(CLOSE_TIMEOUT);
    }
  }

  private void requireProgress(boolean progressed) {
    long now = System.nanoTime();
    if (progressed) {
      lastProgressNanos = now;
    } else if (now - lastProgressNanos > stallTimeout.toNanos()) {
      throw new ReplaySourceException(
          "reading " + description + " made no progress for " + stallTimeout.toSeconds() + " s: is Kafka up?");
    }
  }

  private static Properties properties(String bootstrapServers, Duration stallTimeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "concierge-offline");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // a mistyped topic name must be an error, not a new empty topic
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // as ingestion reads: the events of a POST /v1/events whose transaction aborted never counted
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) stallTimeout.toMillis());
    return props;
  }

  private static List<TopicPartition> partitions(
      Consumer<byte[], byte[]> consumer, String bootstrapServers, String topic, Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new ReplaySourceException("topic " + topic + " does not exist at " + bootstrapServers);
    }
    List<TopicPartition> partitions = new ArrayList<>(infos.size());
    for (PartitionInfo info : infos) {
      partitions.add(new TopicPartition(info.topic(), info.partition()));
    }
    partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    return partitions;
  }

  /** Each partition's first offset at or after {@code time}; its end where no record is that late. */
  private static Map<TopicPartition, Long> offsetsAt(
      Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant time,
      Map<TopicPartition, Long> ends, Duration timeout) {
    long millis = Math.max(0, time.toEpochMilli());
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, millis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, timeout);
    Map<TopicPartition, Long> starts = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = found.get(partition);
      starts.put(partition, offset == null ? ends.get(partition) : offset.offset());
    }
    return starts;
  }
}
