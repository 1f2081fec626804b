package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import java.time.Duration;

/**
 * The feature writer's settings, read from {@code concierge.baseline.writer}.
 *
 * @param maxBatch            most records folded into one Redis pipeline
 * @param catalogWait         how long reading the catalog topic to its end may take before the first event
 * @param trendsPublishEvery  how often the live trends are written to Redis
 * @param reportEvery         how often the counts are logged
 * @param warningEvery        at most one warning of a kind (invalid records, Redis failures) per this
 */
record WriterSettings(
    String groupId, int maxBatch, Duration catalogWait, Duration trendsPublishEvery, Duration reportEvery,
    Duration warningEvery, RestartBackoff restart) {

  static WriterSettings fromConfig(Config concierge) {
    Config writer = concierge.getConfig("baseline.writer");
    return new WriterSettings(
        writer.getString("group-id"),
        writer.getInt("max-batch"),
        writer.getDuration("catalog-wait"),
        writer.getDuration("trends-publish-every"),
        writer.getDuration("report-every"),
        writer.getDuration("warning-every"),
        RestartBackoff.fromConfig(writer.getConfig("restart")));
  }
}
