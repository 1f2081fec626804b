package dev.concierge.engine.cluster;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the operator API waits: for shard statistics from every node, for a moved shard to arrive,
 * and for a drained node to leave; and how shard activity is counted.
 *
 * @param statsTimeout        how long each node's report may take; a later node is left out
 * @param regionTimeout       how long a node's own region may take to list its shards, within statsTimeout
 * @param pollEvery           how often a waiting move or drain looks again
 * @param activityWindow      shard rates cover this much of the recent past
 * @param activitySampleEvery how often each node samples its counts; the window is a whole number of these
 */
public record ClusterAdminSettings(
    Duration statsTimeout,
    Duration regionTimeout,
    Duration moveTimeout,
    Duration drainTimeout,
    Duration pollEvery,
    Duration activityWindow,
    Duration activitySampleEvery) {

  public ClusterAdminSettings {
    if (regionTimeout.compareTo(statsTimeout) >= 0) {
      throw new IllegalArgumentException("concierge.cluster-admin.region-timeout (" + regionTimeout
          + ") must be shorter than stats-timeout (" + statsTimeout + "), so that a slow region still gets its node's report out");
    }
    if (activitySampleEvery.isZero() || activityWindow.toMillis() % activitySampleEvery.toMillis() != 0
        || activityWindow.compareTo(activitySampleEvery) < 0) {
      throw new IllegalArgumentException("concierge.cluster-admin.activity.window (" + activityWindow
          + ") must be a whole number (1 or more) of activity.sample-every (" + activitySampleEvery + ")");
    }
  }

  public static ClusterAdminSettings fromConfig(Config admin) {
    return new ClusterAdminSettings(
        admin.getDuration("stats-timeout"),
        admin.getDuration("region-timeout"),
        admin.getDuration("move-timeout"),
        admin.getDuration("drain-timeout"),
        admin.getDuration("poll-every"),
        admin.getDuration("activity.window"),
        admin.getDuration("activity.sample-every"));
  }

  /** Sampling periods in one window. */
  public int samplesInWindow() {
    return (int) (activityWindow.toMillis() / activitySampleEvery.toMillis());
  }

  /**
   * The longest an operation may take to answer: a move or drain waits its timeout, then asks for
   * statistics once more.
   */
  public Duration longestAnswer() {
    Duration wait = moveTimeout.compareTo(drainTimeout) > 0 ? moveTimeout : drainTimeout;
    return wait.plus(statsTimeout.multipliedBy(2));
  }
}
