package dev.concierge;

import dev.concierge.api.HealthCheck;
import dev.concierge.engine.health.JournalProbe;
import dev.concierge.engine.ingestion.EventIngestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/** Ready means: this node is an Up cluster member, the journal answers, and ingestion is running. */
final class NodeHealth implements HealthCheck {

  private final ActorSystem<?> system;
  private final JournalProbe journal;
  private final Optional<EventIngestion> ingestion;

  NodeHealth(ActorSystem<?> system, JournalProbe journal, Optional<EventIngestion> ingestion) {
    this.system = system;
    this.journal = journal;
    this.ingestion = ingestion;
  }

  @Override
  public CompletionStage<List<String>> problems() {
    return journal
        .reachable()
        .thenApplyAsync(
            journalUp -> {
              List<String> problems = new ArrayList<>();
              MemberStatus status = Cluster.get(system).selfMember().status();
              if (status != MemberStatus.up()) {
                problems.add("cluster member is " + status + ", not Up");
              }
              if (!journalUp) {
                problems.add("the Cassandra journal does not answer");
              }
              if (ingestion.isPresent() && !ingestion.get().isRunning()) {
                problems.add("Kafka ingestion is not running");
              }
              return problems;
            },
            system.executionContext());
  }
}
