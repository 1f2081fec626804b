package dev.concierge.engine.ingestion;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How often, and how far apart, an event is asked again when its customer's actor did not confirm
 * the persist in time, read from {@code ingestion.persist-retry}.
 *
 * @param attempts     retries of one event before the stream gives up and restarts from the last commit,
 *     those before the poison check included
 * @param isolateAfter retries of a group before it is checked for a poison event, and of each of its
 *     events alone before one is refused
 */
public record PersistRetry(int attempts, int isolateAfter, Duration minBackoff, Duration maxBackoff, double randomFactor) {

  public PersistRetry {
    // the retries before the poison check count towards attempts
    if (isolateAfter < 1 || attempts <= isolateAfter) {
      throw new IllegalArgumentException("ingestion.persist-retry.isolate-after must be at least 1 and attempts more"
          + " than it, not " + isolateAfter + " and " + attempts);
    }
  }

  public static PersistRetry fromConfig(Config retry) {
    return new PersistRetry(
        retry.getInt("attempts"),
        retry.getInt("isolate-after"),
        retry.getDuration("min-backoff"),
        retry.getDuration("max-backoff"),
        retry.getDouble("random-factor"));
  }
}
