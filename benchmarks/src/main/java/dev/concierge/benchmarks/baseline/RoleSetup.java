package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.Vocabulary;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What both baseline roles start from: the node's settings from the system's configuration, the
 * baseline's Kafka and Redis, a vocabulary of this process's own, and the system's dispatcher for
 * the work that follows Redis's replies.
 *
 * @param redis the store, connected, closed when the system shuts down
 */
record RoleSetup(
    Config concierge, KafkaSettings kafka, RedisSettings redisSettings, CustomerSettings customer,
    Vocabulary vocabulary, RedisFeatureStore redis, Executor executor) {

  /** Connects to Redis now, so that a Redis that is not there stops the role at start. */
  static RoleSetup of(ActorSystem<?> system) {
    Config concierge = system.settings().config().getConfig("concierge");
    RedisSettings redisSettings = RedisSettings.fromConfig(concierge);
    Executor executor = system.executionContext();
    RedisFeatureStore redis =
        new RedisFeatureStore(
            RedisConnection.open(redisSettings).closedOnShutdownOf(system), redisSettings, FeatureCodec.of(system),
            executor);
    return new RoleSetup(
        concierge, BaselineKafka.fromConfig(concierge), redisSettings, CustomerSettings.fromConfig(concierge),
        new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories")),
        redis, executor);
  }
}
