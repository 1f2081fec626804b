package dev.concierge;

import dev.concierge.api.HealthCheck;
import dev.concierge.engine.health.JournalProbe;
import dev.concierge.engine.ingestion.EventIngestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Ready means: this node is an Up cluster member and ingestion is running. The journal is not part of it: while
 * Cassandra is down decisions still answer (fallbacks for customers not in memory), and every node shares the
 * same Cassandra, so taking nodes out of their Service would turn a degraded answer into none
 * ({@link #journal}, {@code GET /health/journal}, shows the journal on its own).
 */
final class NodeHealth implements HealthCheck {

  private final ActorSystem<?> system;
  private final Optional<EventIngestion> ingestion;

  NodeHealth(ActorSystem<?> system, Optional<EventIngestion> ingestion) {
    this.system = system;
    this.ingestion = ingestion;
  }

  @Override
  public CompletionStage<List<String>> problems() {
    List<String> problems = new ArrayList<>();
    MemberStatus status = Cluster.get(system).selfMember().status();
    if (status != MemberStatus.up()) {
      problems.add("cluster member is " + status + ", not Up");
    }
    if (ingestion.isPresent() && !ingestion.get().isRunning()) {
      problems.add("Kafka ingestion is not running");
    }
    return CompletableFuture.completedFuture(problems);
  }

  /** The journal answers a trivial query, for {@code GET /health/journal}. */
  static HealthCheck journal(JournalProbe probe) {
    // the probe's stage completes on the system's executor (JournalProbe.reachable), so this mapping runs there
    return () -> probe.reachable().thenApply(up -> up ? List.of() : List.of("the Cassandra journal does not answer"));
  }
}
