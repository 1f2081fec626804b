package dev.concierge.benchmarks.load;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The nodes' secret server key, which {@code GET /v1/customers/{id}/features} needs: an option of the
 * commands that read features (a picocli mixin).
 */
public final class ServerKeyOption {

  @Option(names = "--server-key", paramLabel = "KEY", defaultValue = "${env:CONCIERGE_SERVER_KEY}",
      description = "the nodes' server key, sent as 'Authorization: Bearer' to read features (default"
          + " CONCIERGE_SERVER_KEY)")
  String serverKey;

  /** The key; empty when none was given, and the features answer 401 or 403. */
  public Optional<String> key() {
    return Optional.ofNullable(serverKey).filter(key -> !key.isBlank());
  }
}
