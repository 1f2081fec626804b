package dev.concierge.engine.health;

import dev.concierge.engine.CassandraAccess;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/** Asks the Cassandra cluster behind the journal a trivial question. */
public final class JournalProbe {

  private static final String PROBE_QUERY = "SELECT release_version FROM system.local";

  private final CassandraSession session;
  private final Executor executor;

  public JournalProbe(ActorSystem<?> system) {
    this.session = CassandraAccess.session(system);
    this.executor = system.executionContext();
  }

  /** Completes true when Cassandra answered, false when it failed or timed out. */
  public CompletionStage<Boolean> reachable() {
    return session.selectOne(PROBE_QUERY).handleAsync((row, failure) -> failure == null && row.isPresent(), executor);
  }
}
