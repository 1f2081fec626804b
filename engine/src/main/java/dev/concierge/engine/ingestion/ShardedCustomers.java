package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** The customers' actors through Cluster Sharding, wherever in the cluster each lives. */
final class ShardedCustomers implements CustomerRecorder.Customers {

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  ShardedCustomers(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  @Override
  public CompletionStage<CustomerEntity.EventAcks> record(List<SourcedEvent> events) {
    return sharding
        .entityRefFor(CustomerEntity.ENTITY_KEY, events.get(0).event().customerId())
        .ask(replyTo -> new CustomerEntity.RecordEvents(events, replyTo), askTimeout);
  }

  @Override
  public CompletionStage<?> read(String customerId) {
    return sharding
        .entityRefFor(CustomerEntity.ENTITY_KEY, customerId)
        .ask(CustomerEntity.GetFeatures::new, askTimeout);
  }
}
