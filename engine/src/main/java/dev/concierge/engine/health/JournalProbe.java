package dev.concierge.engine.health;

import dev.concierge.engine.CassandraAccess;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * Asks the Cassandra cluster behind the journal a trivial question, and remembers the last answer for the
 * metric ({@code concierge_journal_reachable}), which must not wait for Cassandra while it is scraped.
 */
public final class JournalProbe {

  private static final String PROBE_QUERY = "SELECT release_version FROM system.local";

  private final CassandraSession session;
  private final Executor executor;
  // unknown until the first answer: not counted as reachable
  private volatile boolean lastAnswer;

  public JournalProbe(ActorSystem<?> system) {
    this.session = CassandraAccess.session(system);
    this.executor = system.executionContext();
  }

  /** Completes true when Cassandra answered, false when it failed or timed out. */
  public CompletionStage<Boolean> reachable() {
    return session.selectOne(PROBE_QUERY).handleAsync((row, failure) -> {
      lastAnswer = failure == null && row.isPresent();
      return lastAnswer;
    }, executor);
  }

  /** Probes every {@code every} from now on, so that the last answer is never older than that. */
  public void probeEvery(Duration every, ActorSystem<?> system) {
    system.scheduler().scheduleAtFixedRate(Duration.ZERO, every, this::reachable, system.executionContext());
  }

  /** The answer of the latest probe, by whoever asked (health route, poison check or the schedule). */
  public boolean lastAnswer() {
    return lastAnswer;
  }
}
