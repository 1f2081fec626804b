package dev.concierge.engine.kafka;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.stream.RestartSettings;

/** Backoff for a stream that restarts after a failure, read from a {@code restart} block. */
public record RestartBackoff(Duration minBackoff, Duration maxBackoff, double randomFactor) {

  public static RestartBackoff fromConfig(Config restart) {
    return new RestartBackoff(
        restart.getDuration("min-backoff"), restart.getDuration("max-backoff"), restart.getDouble("random-factor"));
  }

  public RestartSettings toRestartSettings() {
    return RestartSettings.create(minBackoff, maxBackoff, randomFactor);
  }
}
