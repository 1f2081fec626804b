package dev.concierge.benchmarks.baseline;

import dev.concierge.models.CustomerFeatures;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The model server's side of Redis: one customer's features per request (one HGET of the features
 * field, the dedupe window is not read), and the writer's trends now and then.
 */
final class RedisFeatureSource {

  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisSettings settings;
  private final FeatureCodec codec;
  private final Executor executor;

  /** @param executor decodes what Redis returned, off Lettuce's I/O threads */
  RedisFeatureSource(RedisConnection connection, RedisSettings settings, FeatureCodec codec, Executor executor) {
    this.redis = connection.commands();
    this.settings = settings;
    this.codec = codec;
    this.executor = executor;
  }

  /** The customer's features, or {@link CustomerFeatures#EMPTY} for a customer with no events in Redis. */
  CompletionStage<CustomerFeatures> features(String customerId) {
    return redis.hget(settings.customerKey(customerId), RedisSettings.FEATURES)
        .thenApplyAsync(bytes -> bytes == null ? CustomerFeatures.EMPTY : codec.decode(bytes), executor);
  }

  /** The trends the writer published last, or none before its first. */
  CompletionStage<TrendsSnapshot> trends() {
    return redis.get(settings.trendsKey())
        .thenApplyAsync(bytes -> bytes == null ? TrendsSnapshot.NONE : TrendsSnapshot.decode(bytes), executor);
  }

  /** Redis's answer to PING. */
  CompletionStage<String> ping() {
    return redis.ping();
  }
}
