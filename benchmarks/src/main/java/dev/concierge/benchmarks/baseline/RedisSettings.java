package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Where the baseline keeps what in Redis, read from {@code concierge.baseline.redis}: one hash per
 * customer, {@code <keyPrefix><customerId>}, whose {@link #FEATURES} field the model server reads and
 * whose {@link #EVENT_KEYS} field (the dedupe window) only the writer needs; and the writer's trends
 * under {@code trendsKey}.
 *
 * @param commandTimeout a command Redis has not answered by then fails
 */
record RedisSettings(String uri, String keyPrefix, String trendsKey, Duration commandTimeout) {

  static final String FEATURES = "features";
  static final String EVENT_KEYS = "event-keys";

  static RedisSettings fromConfig(Config concierge) {
    Config redis = concierge.getConfig("baseline.redis");
    return new RedisSettings(
        redis.getString("uri"), redis.getString("key-prefix"), redis.getString("trends-key"),
        redis.getDuration("command-timeout"));
  }

  String customerKey(String customerId) {
    return keyPrefix + customerId;
  }
}
