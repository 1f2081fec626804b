package dev.concierge.engine;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The engine's own Cassandra session, beside the journal's. Sessions are shared per config path and
 * the first user's initialisation wins, so borrowing the journal's session before the journal starts
 * would skip the journal's keyspace and table creation.
 */
public final class CassandraAccess {

  private static final String SESSION_CONFIG = "pekko.connectors.cassandra";

  private CassandraAccess() {}

  public static CassandraSession session(ActorSystem<?> system) {
    return CassandraSessionRegistry.get(system).sessionFor(SESSION_CONFIG);
  }
}
