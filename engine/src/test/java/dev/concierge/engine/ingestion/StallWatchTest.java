package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A stall is work in flight with none of it done for stall-after; a quiet topic is no stall. */
class StallWatchTest {

  private static final Duration STALL_AFTER = Duration.ofSeconds(60);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final IngestionProgress progress = new IngestionProgress(now::get);
  private final StallWatch watch = new StallWatch(progress, STALL_AFTER);

  @Test
  void nothingInFlightIsNoStallHoweverLongItLasts() {
    advance(Duration.ofHours(3));

    assertEquals(Duration.ZERO, watch.stalledFor());
    assertTrue(watch.problem().isEmpty());
  }

  @Test
  void aBatchInFlightWithNoneDoneForStallAfterIsAStallThatSaysHowLong() {
    advance(Duration.ofHours(1));
    progress.batchTaken();
    advance(STALL_AFTER.minusSeconds(1));
    assertEquals(Duration.ZERO, watch.stalledFor(), "not yet: the clock starts when the work arrived, not before");

    advance(Duration.ofSeconds(26));

    assertEquals(STALL_AFTER.plusSeconds(25), watch.stalledFor());
    assertTrue(watch.problem().orElseThrow().contains("85 s"), watch.problem().toString());
  }

  @Test
  void aBatchDoneResetsTheClockAndTheLastOneEndsTheStall() {
    progress.batchTaken();
    progress.batchTaken();
    advance(STALL_AFTER.plusSeconds(5));
    assertTrue(watch.problem().isPresent());

    progress.batchDone();
    assertTrue(watch.problem().isEmpty(), "one batch done is progress");
    advance(STALL_AFTER);
    assertTrue(watch.problem().isPresent(), "the other is still stuck");

    progress.batchDone();
    assertTrue(watch.problem().isEmpty());
    assertEquals(0, progress.inFlight());
  }

  @Test
  void aRestartedStreamAbandonsTheBatchesInFlightSoTheyNoLongerCountAsAStall() {
    progress.batchTaken();
    advance(STALL_AFTER.plusSeconds(1));
    assertTrue(watch.problem().isPresent());

    progress.streamStarted();

    assertEquals(0, progress.inFlight());
    advance(STALL_AFTER.multipliedBy(2));
    assertTrue(watch.problem().isEmpty());
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
