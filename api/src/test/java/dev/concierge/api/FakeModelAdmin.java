package dev.concierge.api;

import dev.concierge.engine.model.BundleSummary;
import dev.concierge.engine.model.InstallStatus;
import dev.concierge.engine.model.ModelAdmin;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.persistence.bundle.BundleArchive;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Model administration in memory: remembers the assignment, fails where a test says so, and records
 * every call that reached it. Like {@code ModelAdminService}, it reports every failure (including a
 * rejected experiment) as a failed stage, never by throwing.
 */
class FakeModelAdmin implements ModelAdmin {

  ModelAssignment assignment = ModelAssignment.NONE;
  /** When set, every asynchronous operation fails with it. */
  Throwable failure;
  /** When set, publish first reads the archive with it, as the registry does, and fails with what that throws. */
  BundleArchive reading;
  /** What a successful publish answers; null makes publish fail as unsupported. */
  BundleSummary published;
  /** The bundles {@link #list()} reports. */
  List<BundleSummary> bundles = List.of();
  /** The versions {@link #list()} reports as loaded on this node. */
  Set<String> loadedHere = Set.of();
  /** How {@link #list()} reports this node's install going. */
  InstallStatus install = InstallStatus.NOTHING_YET;

  final List<byte[]> publishedArchives = new CopyOnWriteArrayList<>();
  final List<String> activatedVersions = new CopyOnWriteArrayList<>();
  final List<String> experimentNames = new CopyOnWriteArrayList<>();
  final List<Map<String, Double>> experimentArms = new CopyOnWriteArrayList<>();
  int listCalls;

  /** Whether any call at all reached the fake (reading the assignment counts). */
  volatile boolean touched;

  @Override
  public CompletionStage<BundleSummary> publish(byte[] archive) {
    touched = true;
    publishedArchives.add(archive);
    if (reading != null) {
      try {
        reading.read(archive);
      } catch (RuntimeException refused) {
        return CompletableFuture.failedFuture(refused);
      }
    }
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    return published != null
        ? CompletableFuture.completedFuture(published)
        : CompletableFuture.failedFuture(new UnsupportedOperationException("no publish answer configured"));
  }

  @Override
  public CompletionStage<ModelRegistry.ModelsReport> list() {
    touched = true;
    listCalls++;
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    return CompletableFuture.completedFuture(new ModelRegistry.ModelsReport(bundles, assignment, loadedHere, install));
  }

  @Override
  public CompletionStage<ModelAssignment> activate(String version) {
    touched = true;
    activatedVersions.add(version);
    return answer(() -> assignment = assignment.activate(version));
  }

  @Override
  public CompletionStage<ModelAssignment> putExperiment(String name, Map<String, Double> arms) {
    touched = true;
    experimentNames.add(name);
    experimentArms.add(Map.copyOf(arms));
    // ModelRegistry validates the arms first and replies with the IllegalArgumentException
    return answer(() -> assignment = assignment.withExperiment(name, arms));
  }

  @Override
  public ModelAssignment assignment() {
    touched = true;
    return assignment;
  }

  private CompletionStage<ModelAssignment> answer(Supplier<ModelAssignment> change) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    try {
      return CompletableFuture.completedFuture(change.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
