package dev.concierge.engine.kafka;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.stream.RestartSettings;

/**
 * Backoff for something restarted or retried after failures (a stream, a model install), read from a
 * block with {@code min-backoff}, {@code max-backoff} and {@code random-factor}.
 */
public record RestartBackoff(Duration minBackoff, Duration maxBackoff, double randomFactor) {

  public static RestartBackoff fromConfig(Config restart) {
    return new RestartBackoff(
        restart.getDuration("min-backoff"), restart.getDuration("max-backoff"), restart.getDouble("random-factor"));
  }

  public RestartSettings toRestartSettings() {
    return RestartSettings.create(minBackoff, maxBackoff, randomFactor);
  }

  /**
   * The wait before the next try after {@code failures} failures in a row: doubling from the minimum up
   * to the maximum, then stretched by up to the random factor, so that nodes failing together do not
   * all try again at the same moment.
   */
  public Duration delayAfter(int failures) {
    double millis = Math.min(maxBackoff.toMillis(), minBackoff.toMillis() * Math.pow(2, Math.max(failures - 1, 0)));
    return Duration.ofMillis(Math.round(millis * (1 + ThreadLocalRandom.current().nextDouble() * randomFactor)));
  }
}
