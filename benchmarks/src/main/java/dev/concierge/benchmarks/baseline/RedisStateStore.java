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
 * The writer's side of Redis: customers' state read and written a batch at a time, every command of a
 * batch sent before the first reply is awaited, and the live trends. A stage completes when Redis has
 * answered every command of its batch, and fails if any command failed.
 */
final class RedisStateStore {

  private final RedisAsyncCommands<String, byte[]> redis;
  private final RedisSettings settings;
  private final FeatureCodec codec;
  private final Executor executor;

  /** @param executor decodes what Redis returned, off Lettuce's I/O threads */
  RedisStateStore(RedisConnection connection, RedisSettings settings, FeatureCodec codec, Executor executor) {
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
    return CompletableFuture.allOf(reads.values().stream().map(RedisFuture::toCompletableFuture).toArray(CompletableFuture[]::new))
        .thenApplyAsync(
            done -> {
              Map<String, CustomerSnapshot> stored = new HashMap<>();
              reads.forEach((customerId, read) -> {
                List<KeyValue<String, byte[]>> fields = read.toCompletableFuture().join();
                if (fields.get(0).hasValue()) {
                  CustomerFeatures features = codec.decode(fields.get(0).getValue());
                  List<Long> eventKeys =
                      fields.get(1).hasValue() ? FeatureCodec.decodeEventKeys(fields.get(1).getValue()) : List.of();
                  stored.put(customerId, new CustomerSnapshot(features, eventKeys));
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

  CompletionStage<Done> saveTrends(TrendsSnapshot trends) {
    return acknowledged(redis.set(settings.trendsKey(), trends.encode()).toCompletableFuture());
  }

  private CompletionStage<Done> acknowledged(CompletableFuture<?> replies) {
    return replies.thenApplyAsync(reply -> Done.getInstance(), executor);
  }
}
