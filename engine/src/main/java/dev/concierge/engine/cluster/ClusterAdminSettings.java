package dev.concierge.engine.cluster;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the operator API waits: for shard statistics from every node, for a moved shard to arrive,
 * and for a drained node to leave.
 *
 * @param pollEvery how often a waiting move or drain looks again
 */
public record ClusterAdminSettings(
    Duration statsTimeout, Duration moveTimeout, Duration drainTimeout, Duration pollEvery) {

  public static ClusterAdminSettings fromConfig(Config admin) {
    return new ClusterAdminSettings(
        admin.getDuration("stats-timeout"),
        admin.getDuration("move-timeout"),
        admin.getDuration("drain-timeout"),
        admin.getDuration("poll-every"));
  }
}
