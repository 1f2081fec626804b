package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How often, and how far apart, an event is asked again when its customer's actor did not confirm
 * the persist in time, read from {@code ingestion.persist-retry}.
 *
 * @param attempts retries of one event before the stream gives up and restarts from the last commit
 */
public record PersistRetry(int attempts, Duration minBackoff, Duration maxBackoff, double randomFactor) {

  public PersistRetry {
    if (attempts < 1) {
      throw new IllegalArgumentException("ingestion.persist-retry.attempts must be at least 1, not " + attempts);
    }
  }

  public static PersistRetry fromConfig(Config retry) {
    return new PersistRetry(
        retry.getInt("attempts"),
        retry.getDuration("min-backoff"),
        retry.getDuration("max-backoff"),
        retry.getDouble("random-factor"));
  }
}
