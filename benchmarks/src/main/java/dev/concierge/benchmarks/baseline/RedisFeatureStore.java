package dev.concierge.benchmarks.baseline;

import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;

/**
 * What the baseline keeps in Redis, for both roles. The writer reads and writes customers a batch at a
 * time, every command of a batch sent before the first reply is awaited (a stage completes when Redis
 * has answered them all, and fails if one failed), and writes the live trends. The model server reads
 * one customer's features per request (the features field only: the dedupe window is the writer's),
 * and the trends now and then.
 */
final class RedisFeatureStore {

  // HMGET answers the fields in the order asked
  private static final int FEATURES_REPLY = 0;
  private static final int EVENT_KEYS_REPLY = 1;

  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisSettings settings;
  private final FeatureCodec codec;
  private final Executor executor;

  /** @param executor decodes what Redis returned, off Lettuce's I/O threads */
  RedisFeatureStore(RedisConnection connection, RedisSettings settings, FeatureCodec codec, Executor executor) {
    this.redis = connection.commands();
    this.settings = settings;
    this.codec = codec;
    this.executor = executor;
  }

  /** The stored state of each of these customers that Redis holds; the others are left out. */
  CompletionStage<Map<String, CustomerSnapshot>> load(Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    Map<String, RedisFuture<List<KeyValue<String, byte[]>>>> reads = new LinkedHashMap<>();
    for (String customerId : customerIds) {
      reads.put(
          customerId, redis.hmget(settings.customerKey(customerId), RedisSettings.FEATURES, RedisSettings.EVENT_KEYS));
    }
    CompletableFuture<?>[] replies =
        reads.values().stream().map(RedisFuture::toCompletableFuture).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(replies)
        .thenApplyAsync(
            done -> {
              Map<String, CustomerSnapshot> stored = new HashMap<>();
              reads.forEach((customerId, read) -> {
                List<KeyValue<String, byte[]>> fields = read.toCompletableFuture().join();
                KeyValue<String, byte[]> features = fields.get(FEATURES_REPLY);
                KeyValue<String, byte[]> eventKeys = fields.get(EVENT_KEYS_REPLY);
                if (features.hasValue()) {
                  stored.put(
                      customerId,
                      new CustomerSnapshot(
                          codec.decode(features.getValue()),
                          eventKeys.hasValue() ? FeatureCodec.decodeEventKeys(eventKeys.getValue()) : List.of(),
                          List.of()));
                }
              });
              return stored;
            },
            executor);
  }

  /** Writes each customer's hash whole (features and dedupe window in one HSET, so they never disagree). */
  CompletionStage<Done> save(Map<String, CustomerSnapshot> customers) {
    CompletableFuture<?>[] writes =
        customers.entrySet().stream()
            .map(customer -> redis.hset(
                    settings.customerKey(customer.getKey()),
                    Map.of(
                        RedisSettings.FEATURES, codec.encode(customer.getValue().features()),
                        RedisSettings.EVENT_KEYS, FeatureCodec.encodeEventKeys(customer.getValue().recentEventKeys())))
                .toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return acknowledged(CompletableFuture.allOf(writes));
  }

  /** The writer's trends, for the model servers. */
  CompletionStage<Done> saveTrends(TrendsSnapshot trends) {
    return acknowledged(redis.set(settings.trendsKey(), trends.encode()).toCompletableFuture());
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

  private CompletionStage<Done> acknowledged(CompletableFuture<?> replies) {
    return replies.thenApplyAsync(reply -> Done.getInstance(), executor);
  }
}
