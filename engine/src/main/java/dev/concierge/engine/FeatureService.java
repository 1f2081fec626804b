package dev.concierge.engine;

import dev.concierge.models.CustomerFeatures;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Reads a customer's live features from its actor. Unlike a decision there is no useful fallback,
 * so the timeout is long enough for a cold actor to recover its history from Cassandra.
 */
public final class FeatureService {

  private final ClusterSharding sharding;
  private final Duration timeout;

  public FeatureService(ActorSystem<?> system, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
  }

  public CompletionStage<CustomerFeatures> features(String customerId) {
    return sharding.entityRefFor(CustomerEntity.ENTITY_KEY, customerId).ask(CustomerEntity.GetFeatures::new, timeout);
  }
}
