package dev.concierge.engine.health;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Asks the Cassandra cluster behind the journal a trivial question. It uses a session of its own:
 * sessions are shared per config path and the first user's initialisation wins, so borrowing the
 * journal's session before the journal starts would skip the journal's keyspace and table creation.
 */
public final class JournalProbe {

  private static final String PROBE_SESSION_CONFIG = "pekko.connectors.cassandra";
  private static final String PROBE_QUERY = "SELECT release_version FROM system.local";

  private final CassandraSession session;
  private final Executor executor;

  public JournalProbe(ActorSystem<?> system) {
    this.session = CassandraSessionRegistry.get(system).sessionFor(PROBE_SESSION_CONFIG);
    this.executor = system.executionContext();
  }

  /** Completes true when Cassandra answered, false when it failed or timed out. */
  public CompletionStage<Boolean> reachable() {
    return session.selectOne(PROBE_QUERY).handleAsync((row, failure) -> failure == null && row.isPresent(), executor);
  }
}
