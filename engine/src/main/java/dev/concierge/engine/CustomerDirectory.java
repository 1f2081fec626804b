package dev.concierge.engine;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * How one customer reaches another: on a node, through Cluster Sharding, wherever the other customer
 * lives. A merge asks the customer it merges from for its history this way.
 */
@FunctionalInterface
public interface CustomerDirectory {

  /** For contexts in which no customer asks another (benchmarks, tests of one customer): asking fails. */
  CustomerDirectory NONE = customerId -> {
    throw new IllegalStateException("this node has no directory of customers to ask " + customerId);
  };

  RecipientRef<CustomerEntity.Command> customer(String customerId);

  /** The customers of the cluster's sharding. */
  static CustomerDirectory sharded(ActorSystem<?> system) {
    ClusterSharding sharding = ClusterSharding.get(system);
    return customerId -> sharding.entityRefFor(CustomerEntity.ENTITY_KEY, customerId);
  }
}
