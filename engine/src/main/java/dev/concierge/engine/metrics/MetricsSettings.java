package dev.concierge.engine.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;

/**
 * What {@code concierge.metrics} configures: the histograms' buckets and how often the meters that
 * must ask someone (the shard region, the Kafka clients) do so.
 */
public record MetricsSettings(
    List<Duration> decisionLatencyBuckets,
    List<Duration> recoveryBuckets,
    Duration shardingPollEvery,
    Duration kafkaRefreshEvery) {

  public MetricsSettings {
    decisionLatencyBuckets = List.copyOf(decisionLatencyBuckets);
    recoveryBuckets = List.copyOf(recoveryBuckets);
  }

  /** @param metrics the {@code concierge.metrics} section */
  public static MetricsSettings fromConfig(Config metrics) {
    return new MetricsSettings(
        metrics.getDurationList("decision-latency-buckets"),
        metrics.getDurationList("recovery-buckets"),
        metrics.getDuration("sharding-poll-every"),
        metrics.getDuration("kafka-refresh-every"));
  }

  /** The defaults of reference.conf, for tests and tools that do not serve metrics. */
  public static MetricsSettings reference() {
    return fromConfig(ConfigFactory.defaultReference().getConfig("concierge.metrics"));
  }
}
