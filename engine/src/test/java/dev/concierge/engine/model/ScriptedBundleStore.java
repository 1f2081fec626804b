package dev.concierge.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Bundles in memory, whose reads a test can hold back or make fail. */
final class ScriptedBundleStore implements BundleStore {

  static final String DOWN = "the bundle store is down";

  private final Map<String, byte[]> archives = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

  /** Publishes the test bundle under {@code version}. */
  ScriptedBundleStore with(String version) {
    archives.put(version, TestBundles.archive(version));
    return this;
  }

  /** Reads of {@code version} answer only once the returned future is completed. */
  CompletableFuture<Void> hold(String version) {
    return held.computeIfAbsent(version, v -> new CompletableFuture<>());
  }

  /** The next {@code reads} reads of any archive fail. */
  void failNextReads(int reads) {
    failuresLeft.set(reads);
  }

  /** How often {@code version}'s archive was asked for. */
  int reads(String version) {
    return reads.getOrDefault(version, new AtomicInteger()).get();
  }

  @Override
  public CompletionStage<BundleSummary> put(BundleSummary summary, byte[] archive) {
    return archives.putIfAbsent(summary.version(), archive) == null
        ? CompletableFuture.completedFuture(summary)
        : CompletableFuture.failedFuture(new VersionExistsException(summary.version()));
  }

  @Override
  public CompletionStage<Optional<byte[]>> archive(String version) {
    reads.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException(DOWN));
    }
    return held.getOrDefault(version, CompletableFuture.completedFuture(null))
        .thenApply(released -> Optional.ofNullable(archives.get(version)));
  }

  @Override
  public CompletionStage<List<BundleSummary>> list() {
    return CompletableFuture.completedFuture(List.of());
  }
}
