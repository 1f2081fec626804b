package dev.concierge.engine.ingestion;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls ingestion stalled once it has had work and committed none of it for {@code stall-after}, however
 * often its stream restarted meanwhile ({@link IngestionProgress}): for
 * {@code GET /health/ingestion}, the metric {@code concierge_ingestion_stalled_seconds}, and one log
 * line when a stall begins and one when it ends.
 */
public final class StallWatch {

  private static final Logger log = LoggerFactory.getLogger(StallWatch.class);

  private final IngestionProgress progress;
  private final Duration stallAfter;
  // touched by the scheduled check only
  private boolean stalled;

  public StallWatch(IngestionProgress progress, Duration stallAfter) {
    this.progress = progress;
    this.stallAfter = stallAfter;
  }

  /** How long ingestion has been stalled, or zero while it is not. */
  public Duration stalledFor() {
    Duration stalledFor = progress.stalledFor();
    return stalledFor.compareTo(stallAfter) >= 0 ? stalledFor : Duration.ZERO;
  }

  /** What is wrong, if ingestion is stalled. */
  public Optional<String> problem() {
    Duration stalledFor = stalledFor();
    return stalledFor.isZero()
        ? Optional.empty()
        : Optional.of("ingestion has committed none of its records for " + stalledFor.toSeconds() + " s (stall-after "
            + stallAfter.toSeconds() + " s), its stream restarted " + progress.restartsSinceMoved() + " times meanwhile");
  }

  /** Logs a stall as it begins and as it ends; call it on a schedule. */
  public void check() {
    Optional<String> problem = problem();
    if (problem.isPresent() && !stalled) {
      log.warn("{}; look above for 'ingestion is waiting', 'dead-lettering' and the stream's restarts, and at GET /health/ingestion", problem.get());
    } else if (problem.isEmpty() && stalled) {
      log.info("ingestion moves again");
    }
    stalled = problem.isPresent();
  }
}
