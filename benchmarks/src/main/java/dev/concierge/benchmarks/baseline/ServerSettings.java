package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The model server's settings, read from {@code concierge.baseline.server}.
 *
 * @param bundle          the model bundle file it serves; empty serves the built-in heuristic
 * @param logDecisions    whether every decision goes to the decisions topic, as on a node
 * @param catalogWait     how long reading the catalog topic to its end may take before the bundle is loaded
 * @param trendsPollEvery how often the trends the writer published are read again
 */
record ServerSettings(
    String host, int port, Optional<Path> bundle, boolean logDecisions, Duration catalogWait,
    Duration trendsPollEvery) {

  static ServerSettings fromConfig(Config concierge) {
    Config server = concierge.getConfig("baseline.server");
    String bundle = server.getString("bundle");
    return new ServerSettings(
        server.getString("interface"),
        server.getInt("port"),
        bundle.isBlank() ? Optional.empty() : Optional.of(Path.of(bundle)),
        server.getBoolean("log-decisions"),
        server.getDuration("catalog-wait"),
        server.getDuration("trends-poll-every"));
  }
}
