package dev.concierge.engine.model;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where published bundles live, readable by every node. Versions are immutable once stored. */
public interface BundleStore {

  /** Stores a bundle; fails with {@link VersionExistsException} when the version is taken. */
  CompletionStage<BundleSummary> put(BundleSummary summary, byte[] archive);

  CompletionStage<Optional<byte[]>> archive(String version);

  CompletionStage<List<BundleSummary>> list();

  /** The version is already published; bundles are immutable, so publish under a new version. */
  final class VersionExistsException extends RuntimeException {
    public VersionExistsException(String version) {
      super("bundle version '" + version + "' is already published; versions are immutable, publish a new one");
    }
  }
}
