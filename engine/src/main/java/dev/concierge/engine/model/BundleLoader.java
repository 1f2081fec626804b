package dev.concierge.engine.model;

import dev.concierge.models.Catalog;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.scoring.FeatureSchemaMismatchException;
import dev.concierge.models.scoring.ModelCompilationException;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.persistence.bundle.InvalidBundleException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Makes published bundles ready to serve on this node: read from the store, checked, compiled and
 * warmed up, on an executor of their own, as that takes CPU time that an actor's thread must not.
 */
public final class BundleLoader {

  private final BundleStore store;
  private final BundleArchive archives;
  private final ActiveModel models;
  private final Supplier<Catalog> catalog;
  private final Executor blocking;
  private final int warmUpRows;

  /** @param warmUpRows rows scored by each newly loaded model before it serves */
  public BundleLoader(
      BundleStore store, BundleArchive archives, ActiveModel models, Supplier<Catalog> catalog, Executor blocking,
      int warmUpRows) {
    this.store = store;
    this.archives = archives;
    this.models = models;
    this.catalog = catalog;
    this.blocking = blocking;
    this.warmUpRows = warmUpRows;
  }

  /** The versions this node serves already are reused; the others are read from the store and compiled. */
  public CompletionStage<Map<String, ServingModel>> loadAll(Set<String> versions) {
    Map<String, ServingModel> current = models.loaded();
    Map<String, CompletableFuture<ServingModel>> loading = new HashMap<>();
    for (String version : versions) {
      ServingModel ready = current.get(version);
      loading.put(version, ready != null ? CompletableFuture.completedFuture(ready) : load(version));
    }
    return CompletableFuture.allOf(loading.values().toArray(new CompletableFuture<?>[0]))
        .thenApplyAsync(
            done -> {
              Map<String, ServingModel> loaded = new HashMap<>();
              loading.forEach((version, model) -> loaded.put(version, model.join()));
              return loaded;
            },
            blocking);
  }

  /**
   * Reads the archive and compiles it once, so a bad bundle is refused before it is stored or served.
   *
   * @throws InvalidBundleException for any bundle that does not load, unless a {@link
   *     FeatureSchemaMismatchException} or {@link ModelCompilationException} says why: whatever Tribuo or the
   *     compiler throw for a damaged model is the bundle's fault, answered 400 and never 503
   */
  public ModelBundle checked(byte[] archive) {
    ModelBundle bundle = archives.read(archive);
    try {
      compiled(bundle);
    } catch (FeatureSchemaMismatchException | ModelCompilationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidBundleException("the bundle's model does not load: " + e);
    }
    return bundle;
  }

  private CompletableFuture<ServingModel> load(String version) {
    return store
        .archive(version)
        .thenApplyAsync(
            archive ->
                compiled(archives.read(archive.orElseThrow(() -> new ModelRegistry.UnknownVersionException(version))))
                    .warmedUp(warmUpRows),
            blocking)
        .toCompletableFuture();
  }

  private ServingModel compiled(ModelBundle bundle) {
    return ServingModel.load(bundle, catalog.get(), models.vocabulary(), models.popularPerList());
  }
}
