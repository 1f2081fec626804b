package dev.concierge.benchmarks.baseline;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * A Lettuce client with its one connection (keys and hash fields as UTF-8 strings, values as bytes).
 * One connection is Lettuce's way: it is thread-safe, and it pipelines the commands of every thread,
 * sending each without waiting for the replies to the ones before it.
 */
final class RedisConnection implements AutoCloseable {

  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;

  private RedisConnection(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
    this.client = client;
    this.connection = connection;
  }

  /** Connects now, so that a Redis that is not there stops the process at start. */
  static RedisConnection open(RedisSettings settings) {
    RedisClient client = RedisClient.create(settings.uri());
    client.setOptions(
        ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout())).build());
    try {
      return new RedisConnection(client, client.connect(CODEC));
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException(
          "Redis is not answering on " + settings.uri() + " (start it with bin/concierge services start redis): "
              + e.getMessage(), e);
    }
  }

  /** Closes this once the system's services have stopped, on a thread that may block. */
  RedisConnection closedOnShutdownOf(ActorSystem<?> system) {
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "baseline-close-redis",
        () -> CompletableFuture.supplyAsync(() -> {
          close();
          return Done.getInstance();
        }, blocking));
    return this;
  }

  RedisAsyncCommands<String, byte[]> commands() {
    return connection.async();
  }

  /** Blocks until the connection and the client's threads are closed. */
  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
