package dev.concierge.offline.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.persistence.json.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code customer-events} topic, read by a plain Kafka consumer ({@link TopicRead}): partitions
 * assigned by hand, no consumer group, nothing committed, so a replay never disturbs the live
 * ingestion. Records are checked with {@link EventJson}, as ingestion checks them: what ingestion
 * dead-letters, replay skips and counts. The one exception is a timestamp too far ahead of the
 * ingesting node's clock, which replay cannot know: it takes that event at its own time.
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
    public static final Duration DEFAULT_STALL_TIMEOUT = TopicRead.DEFAULT_STALL_TIMEOUT;

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

  private final Settings settings;
  private final EventJson json = new EventJson(new ObjectMapper());

  public KafkaEventSource(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String description() {
    return TopicRead.describe(settings.bootstrapServers(), settings.topic());
  }

  @Override
  public ReplayEvents open(TimeRange range) {
    Instant seekFrom = range.from() == null ? null : range.from().minus(settings.lateness());
    TopicRead read = TopicRead.open(settings.bootstrapServers(), settings.topic(), seekFrom, settings.stallTimeout());
    ReplayCounters counters = new ReplayCounters();
    counters.plannedEvents(read.plannedRecords());
    KafkaMergedEvents merged = new KafkaMergedEvents(read, json, range, counters, settings);
    return new ReplayEvents(description(), range, merged, counters, new RedeliveryFilter(settings.dedupeWindow()));
  }
}
