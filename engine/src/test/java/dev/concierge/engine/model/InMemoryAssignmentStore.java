package dev.concierge.engine.model;

import dev.concierge.models.recommend.ModelAssignment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** The stored assignment in memory: it outlives the registries (and actor systems) of a test, as Cassandra would. */
final class InMemoryAssignmentStore implements AssignmentStore {

  private AssignmentGeneration stored = AssignmentGeneration.NONE;

  @Override
  public synchronized CompletionStage<AssignmentGeneration> current() {
    return CompletableFuture.completedFuture(stored);
  }

  @Override
  public synchronized CompletionStage<AssignmentGeneration> change(UnaryOperator<ModelAssignment> change) {
    stored = stored.next(change.apply(stored.assignment()));
    return CompletableFuture.completedFuture(stored);
  }
}
