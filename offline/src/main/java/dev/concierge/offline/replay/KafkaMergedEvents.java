package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The k-way merge of a topic's partitions by event time, pulled on the caller's thread. The earliest
 * event is taken only when every partition still being read holds a reorder window of events. A
 * partition far ahead of the others (holding {@value #PAUSE_AFTER_WINDOWS} windows) is paused, so
 * memory stays bounded; pausing any sooner would stall every poll on a fresh fetch (measured: 62k
 * instead of 137k events/s), because the consumer prefetches only for partitions it is not paused on.
 */
final class KafkaMergedEvents implements MergedEvents {

  private static final int PAUSE_AFTER_WINDOWS = 10;
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /** One partition's read: from the seek offset up to {@code end}, exclusive. */
  static final class Partition {
    private final TopicPartition topicPartition;
    private final int input;
    private final long end;
    private boolean done;

    Partition(TopicPartition topicPartition, int input, long end, boolean done) {
      this.topicPartition = topicPartition;
      this.input = input;
      this.end = end;
      this.done = done;
    }
  }

  private final Consumer<byte[], byte[]> consumer;
  private final List<Partition> partitions;
  private final EventJson json;
  private final TimeRange range;
  private final Instant stopAt;
  private final ReplayCounters counters;
  private final KafkaEventSource.Settings settings;
  private final String source;
  private final LaneMerge merge;
  private long lastProgressNanos = System.nanoTime();
  private boolean closed;

  KafkaMergedEvents(
      Consumer<byte[], byte[]> consumer, List<Partition> partitions, EventJson json, TimeRange range,
      ReplayCounters counters, KafkaEventSource.Settings settings, String source) {
    this.consumer = consumer;
    this.partitions = partitions;
    this.json = json;
    this.range = range;
    // a partition stops at its first event this late: later ones are past the range, give or take the lateness
    this.stopAt = range.to() == null ? null : range.to().plus(settings.lateness());
    this.counters = counters;
    this.settings = settings;
    this.source = source;
    this.merge = new LaneMerge(partitions.size());
  }

  @Override
  public EventRecorded next() {
    while (true) {
      if (!merge.isEmpty() && everyOpenPartitionIsAhead()) {
        return merge.poll();
      }
      if (allDone()) {
        return null;
      }
      fetch();
    }
  }

  private boolean everyOpenPartitionIsAhead() {
    for (Partition partition : partitions) {
      if (!partition.done && merge.sizeOf(partition.input) < settings.reorderWindow()) {
        return false;
      }
    }
    return true;
  }

  private boolean allDone() {
    for (Partition partition : partitions) {
      if (!partition.done) {
        return false;
      }
    }
    return true;
  }

  private void fetch() {
    List<TopicPartition> paused = new ArrayList<>();
    List<TopicPartition> reading = new ArrayList<>();
    long pauseAt = (long) settings.reorderWindow() * PAUSE_AFTER_WINDOWS;
    for (Partition partition : partitions) {
      boolean farAhead = partition.done || merge.sizeOf(partition.input) >= pauseAt;
      (farAhead ? paused : reading).add(partition.topicPartition);
    }
    ConsumerRecords<byte[], byte[]> records;
    try {
      consumer.pause(paused);
      consumer.resume(reading);
      records = consumer.poll(POLL_TIMEOUT);
    } catch (KafkaException e) {
      throw new ReplaySourceException("reading " + source + " failed: " + e.getMessage(), e);
    }
    boolean progressed = !records.isEmpty();
    for (Partition partition : partitions) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition.topicPartition)) {
        accept(partition, record);
      }
      // control records (transaction markers) are never returned, but move the position past the end
      if (!partition.done && consumer.position(partition.topicPartition) >= partition.end) {
        partition.done = true;
        progressed = true;
      }
    }
    requireProgress(progressed);
  }

  private void accept(Partition partition, ConsumerRecord<byte[], byte[]> record) {
    if (partition.done || record.offset() >= partition.end) {
      // after the end captured on open, or after the stop: not part of this replay
      partition.done = true;
      return;
    }
    counters.recordRead();
    ParsedEvent parsed = json.parse(record.value());
    if (parsed instanceof ParsedEvent.Valid valid) {
      Instant time = valid.event().timestamp();
      counters.valid(time);
      if (stopAt != null && !time.isBefore(stopAt)) {
        partition.done = true;
        counters.outsideRange();
      } else if (range.contains(time)) {
        merge.add(partition.input, new EventRecorded(valid.event(), null));
      } else {
        counters.outsideRange();
      }
    } else {
      counters.invalid(
          "partition " + record.partition() + " offset " + record.offset(), ((ParsedEvent.Invalid) parsed).reason());
    }
    if (record.offset() + 1 >= partition.end) {
      partition.done = true;
    }
  }

  private void requireProgress(boolean progressed) {
    long now = System.nanoTime();
    if (progressed) {
      lastProgressNanos = now;
    } else if (now - lastProgressNanos > settings.stallTimeout().toNanos()) {
      throw new ReplaySourceException(
          "reading " + source + " made no progress for " + settings.stallTimeout().toSeconds() + " s: is Kafka up?");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      consumer.close(CLOSE_TIMEOUT);
    }
  }
}
