package dev.concierge;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;

/**
 * How a node finds its cluster. {@code concierge.cluster.join-self} (dev): it forms a cluster of one.
 * {@code concierge.cluster.bootstrap} (Kubernetes): Cluster Bootstrap discovers its peers' management
 * endpoints, joins the cluster they are in, or, when none is, lets the peer with the lowest address form it.
 * Neither: Pekko joins the seed nodes the configuration lists (the local cluster).
 */
enum ClusterFormation {
  JOIN_SELF, BOOTSTRAP, SEED_NODES;

  static ClusterFormation fromConfig(Config concierge) {
    boolean joinSelf = concierge.getBoolean("cluster.join-self");
    boolean bootstrap = concierge.getBoolean("cluster.bootstrap");
    if (joinSelf && bootstrap) {
      throw new IllegalArgumentException(
          "concierge.cluster.join-self and concierge.cluster.bootstrap are both on: a node either forms a cluster of"
              + " one or bootstraps one with its peers");
    }
    return joinSelf ? JOIN_SELF : bootstrap ? BOOTSTRAP : SEED_NODES;
  }

  /** Whether the management port must answer peers' contact-point probes without the admin token. */
  boolean servesContactPoint() {
    return this == BOOTSTRAP;
  }

  /** After the management endpoint started: bootstrap's peers probe it, and it tells bootstrap its own address. */
  void start(ActorSystem<?> system) {
    switch (this) {
      case JOIN_SELF -> {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      case BOOTSTRAP -> ClusterBootstrap.get(system).start();
      case SEED_NODES -> {
        // Pekko joins pekko.cluster.seed-nodes by itself
      }
    }
  }
}
