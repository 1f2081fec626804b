package dev.concierge.api;

import dev.concierge.engine.model.BundleSummary;
import dev.concierge.engine.model.ModelAdmin;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.models.recommend.ModelAssignment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Model administration in memory: remembers the assignment, fails where a test says so. */
class FakeModelAdmin implements ModelAdmin {

  ModelAssignment assignment = ModelAssignment.NONE;
  RuntimeException failure;

  @Override
  public CompletionStage<BundleSummary> publish(byte[] archive) {
    return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public CompletionStage<ModelRegistry.ModelsReport> list() {
    return CompletableFuture.completedFuture(new ModelRegistry.ModelsReport(List.of(), assignment, Set.of()));
  }

  @Override
  public CompletionStage<ModelAssignment> activate(String version) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    assignment = assignment.activate(version);
    return CompletableFuture.completedFuture(assignment);
  }

  @Override
  public CompletionStage<ModelAssignment> putExperiment(String name, Map<String, Double> arms) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    assignment = assignment.withExperiment(name, arms);
    return CompletableFuture.completedFuture(assignment);
  }

  @Override
  public ModelAssignment assignment() {
    return assignment;
  }
}
