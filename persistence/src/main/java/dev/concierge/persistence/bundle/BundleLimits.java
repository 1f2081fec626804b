package dev.concierge.persistence.bundle;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * How much a model bundle may hold, from {@code concierge.bundles}: every count and size the archive
 * states is checked against these before anything is allocated for it, so that an upload of a few
 * kilobytes cannot ask a node for gigabytes (a deflate bomb, a vector of a billion dimensions).
 *
 * @param maxEntryBytes         uncompressed bytes of any one file of the archive, counted as read
 * @param maxTotalBytes         uncompressed bytes of all its files together
 * @param maxDimensions         length of an item's taste vector in {@code embeddings.json}
 * @param maxItems              items of any one table: the vectors, the popularity, each neighbour table
 * @param maxNeighboursPerItem  neighbours of one item in a neighbour table
 */
public record BundleLimits(
    long maxEntryBytes, long maxTotalBytes, int maxDimensions, int maxItems, int maxNeighboursPerItem) {

  public BundleLimits {
    if (maxEntryBytes < 1 || maxTotalBytes < maxEntryBytes || maxDimensions < 1 || maxItems < 1
        || maxNeighboursPerItem < 1) {
      throw new IllegalArgumentException("concierge.bundles limits must be at least 1 and max-total-size at least"
          + " max-entry-size, not " + this);
    }
  }

  /** @param bundles the {@code concierge.bundles} section */
  public static BundleLimits fromConfig(Config bundles) {
    return new BundleLimits(
        bundles.getBytes("max-entry-size"),
        bundles.getBytes("max-total-size"),
        bundles.getInt("max-dimensions"),
        bundles.getInt("max-items"),
        bundles.getInt("max-neighbours-per-item"));
  }

  /** The limits of this process's configuration: reference.conf, application.conf and the environment. */
  public static BundleLimits configured() {
    return fromConfig(ConfigFactory.load().getConfig("concierge.bundles"));
  }
}
