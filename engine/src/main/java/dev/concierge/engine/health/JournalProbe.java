package dev.concierge.engine.health;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/** Asks the Cassandra cluster behind the journal a trivial question, through the journal's own session. */
public final class JournalProbe {

  private static final String JOURNAL_SESSION_CONFIG = "pekko.persistence.cassandra";
  private static final String PROBE_QUERY = "SELECT release_version FROM system.local";

  private final CassandraSession session;
  private final Executor executor;

  public JournalProbe(ActorSystem<?> system) {
    this.session = CassandraSessionRegistry.get(system).sessionFor(JOURNAL_SESSION_CONFIG);
    this.executor = system.executionContext();
  }

  /** Completes true when Cassandra answered, false when it failed or timed out. */
  public CompletionStage<Boolean> reachable() {
    return session.selectOne(PROBE_QUERY).handleAsync((row, failure) -> failure == null && row.isPresent(), executor);
  }
}
