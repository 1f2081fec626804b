package dev.concierge.offline.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.persistence.json.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The {@code customer-events} topic, read by a plain Kafka consumer: partitions assigned by hand,
 * no consumer group, nothing committed, so a replay never disturbs the live ingestion. Records are
 * checked with {@link EventJson}, as ingestion checks them: what ingestion dead-letters, replay skips
 * and counts. The one exception is a timestamp too far ahead of the ingesting node's clock, which
 * replay cannot know: it takes that event at its own time.
 *
 * <p>Each partition starts at {@code offsetsForTimes(from - lateness)} and ends at its end offset as
 * of {@link #open} (later records are not part of the replay), or earlier, at the first event at or
 * after {@code to + lateness}. Seeking by Kafka timestamps this way assumes a record's Kafka
 * timestamp (by default when it was produced) is not earlier than its event's time minus the
 * lateness: true of producers that send events as they happen, and of backfills, which only read more.
 *
 * <p>Partitions are merged by event time. Within a partition, records are only roughly in event time
 * (producers, clocks and retries interleave), so each partition reads {@code reorderWindow} records
 * ahead before its earliest is taken: disorder within that distance is repaired, larger disorder is
 * yielded as it comes and counted in {@link ReplayReport#outOfTimeOrder()}. Memory is about
 * partitions x 10 reorder windows of events.
 */
public final class KafkaEventSource implements EventSource {

  /**
   * @param reorderWindow records each partition reads ahead, to repair slight disorder in event time
   * @param lateness      how far an event's time may be from its record's Kafka timestamp and its neighbours'
   * @param dedupeWindow  drop an event whose id the customer had among its last this many events, as
   *                      the live customer does (pass {@code concierge.customer.dedupe-window}); 0 keeps all
   * @param stallTimeout  give up when Kafka answers nothing for this long
   */
  public record Settings(
      String bootstrapServers, String topic, int reorderWindow, Duration lateness, int dedupeWindow,
      Duration stallTimeout) {

    /** A retried or batched send rarely lands more than a few hundred records from its neighbours. */
    public static final int DEFAULT_REORDER_WINDOW = 1_000;
    /** Covers producer clock skew and client-side buffering; costs only minutes of extra reading. */
    public static final Duration DEFAULT_LATENESS = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public Settings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      if (reorderWindow < 1) {
        throw new IllegalArgumentException("the reorder window must be at least 1 record, was " + reorderWindow);
      }
      if (lateness.isNegative()) {
        throw new IllegalArgumentException("the lateness must not be negative, was " + lateness);
      }
      RedeliveryFilter.checkedWindow(dedupeWindow);
    }

    public static Settings of(String bootstrapServers, String topic) {
      return new Settings(
          bootstrapServers, topic, DEFAULT_REORDER_WINDOW, DEFAULT_LATENESS, RedeliveryFilter.KEEP_ALL,
          DEFAULT_STALL_TIMEOUT);
    }

    public Settings withReorderWindow(int records) {
      return new Settings(bootstrapServers, topic, records, lateness, dedupeWindow, stallTimeout);
    }

    public Settings withLateness(Duration maximum) {
      return new Settings(bootstrapServers, topic, reorderWindow, maximum, dedupeWindow, stallTimeout);
    }

    public Settings withDedupeWindow(int events) {
      return new Settings(bootstrapServers, topic, reorderWindow, lateness, events, stallTimeout);
    }

    public Settings withStallTimeout(Duration timeout) {
      return new Settings(bootstrapServers, topic, reorderWindow, lateness, dedupeWindow, timeout);
    }
  }

  /** Larger batches than the default 500: replay only reads, and each poll has a fixed cost. */
  private static final int MAX_POLL_RECORDS = 5_000;

  private final Settings settings;
  private final EventJson json = new EventJson(new ObjectMapper());

  public KafkaEventSource(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String description() {
    return "Kafka topic " + settings.topic() + " at " + settings.bootstrapServers();
  }

  @Override
  public ReplayEvents open(TimeRange range) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = partitions(consumer);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, settings.stallTimeout());
      Map<TopicPartition, Long> starts = startOffsets(consumer, partitions, range, ends);
      consumer.assign(partitions);
      ReplayCounters counters = new ReplayCounters();
      List<KafkaMergedEvents.Partition> reads = new ArrayList<>(partitions.size());
      long planned = 0;
      for (TopicPartition partition : partitions) {
        long start = starts.get(partition);
        long end = ends.get(partition);
        consumer.seek(partition, start);
        reads.add(new KafkaMergedEvents.Partition(partition, reads.size(), end, start >= end));
        planned += Math.max(0, end - start);
      }
      counters.plannedEvents(planned);
      KafkaMergedEvents merged = new KafkaMergedEvents(consumer, reads, json, range, counters, settings, description());
      return new ReplayEvents(description(), range, merged, counters, new RedeliveryFilter(settings.dedupeWindow()));
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e instanceof KafkaException ? new ReplaySourceException("cannot read " + description() + ": " + e.getMessage(), e) : e;
    }
  }

  private Properties consumerProperties() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "concierge-replay");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // a mistyped topic name must be an error, not a new empty topic
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // as ingestion reads: the events of a POST /v1/events whose transaction aborted never counted
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.stallTimeout().toMillis());
    return props;
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(settings.topic(), settings.stallTimeout());
    if (infos == null || infos.isEmpty()) {
      throw new ReplaySourceException("topic " + settings.topic() + " does not exist at " + settings.bootstrapServers());
    }
    List<TopicPartition> partitions = new ArrayList<>(infos.size());
    for (PartitionInfo info : infos) {
      partitions.add(new TopicPartition(info.topic(), info.partition()));
    }
    partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    return partitions;
  }

  private Map<TopicPartition, Long> startOffsets(
      KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, TimeRange range,
      Map<TopicPartition, Long> ends) {
    if (range.from() == null) {
      return consumer.beginningOffsets(partitions, settings.stallTimeout());
    }
    long seekMillis = Math.max(0, range.from().minus(settings.lateness()).toEpochMilli());
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, seekMillis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, settings.stallTimeout());
    Map<TopicPartition, Long> starts = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = found.get(partition);
      // no record that late: nothing of this partition is in range
      starts.put(partition, offset == null ? ends.get(partition) : offset.offset());
    }
    return starts;
  }
}
