package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A stall is records waiting with none of them committed for stall-after, however often the stream
 * restarts meanwhile; a quiet topic is no stall.
 */
class StallWatchTest {

  private static final Duration STALL_AFTER = Duration.ofSeconds(60);
  // ingestion.restart's max-backoff: shorter than stall-after, so restarts alone used to hide a stall
  private static final Duration BACKOFF = Duration.ofSeconds(30);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final IngestionProgress progress = new IngestionProgress(now::get, STALL_AFTER);
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
    assertEquals(Duration.ZERO, progress.stalledFor(), "nothing waits");
  }

  @Test
  void aRestartDoesNotResetTheClockSinceTheRecordsOfTheFailedStreamAreReadAgain() {
    progress.batchTaken();
    advance(Duration.ofSeconds(40));
    progress.streamStarted();
    assertEquals(Duration.ofSeconds(40), progress.stalledFor(), "the restart kept the clock");
    advance(Duration.ofSeconds(5));
    progress.batchTaken();
    advance(Duration.ofSeconds(16));

    assertEquals(Duration.ofSeconds(61), watch.stalledFor(), "counted from when the first stream took its batch");
  }

  @Test
  void aStreamThatKeepsRestartingOnOneRecordIsAStallThatSaysHowOftenItRestarted() {
    progress.batchTaken();
    for (int restart = 0; restart < 3; restart++) {
      advance(BACKOFF);
      progress.streamStarted();
      advance(Duration.ofSeconds(1));
      progress.batchTaken();
      assertTrue(watch.problem().isEmpty() == (restart == 0), "stalled from the second restart on: " + watch.problem());
    }

    assertEquals(BACKOFF.multipliedBy(3).plusSeconds(3), watch.stalledFor());
    assertTrue(watch.problem().orElseThrow().contains("restarted 3 times"), watch.problem().toString());
  }

  @Test
  void aStallOutlastsTheBackoffBetweenRestartsWhenNoStreamRuns() {
    progress.batchTaken();
    advance(STALL_AFTER.minusSeconds(1));
    progress.streamStarted();
    progress.batchTaken();
    advance(Duration.ofSeconds(2));

    // the stream failed again and waits out its backoff: nothing is in flight, the records still wait
    assertEquals(STALL_AFTER.plusSeconds(1), watch.stalledFor());
  }

  @Test
  void committedProgressAfterRestartsEndsTheStallAndResetsTheClock() {
    progress.batchTaken();
    advance(STALL_AFTER);
    progress.streamStarted();
    progress.batchTaken();
    assertTrue(watch.problem().isPresent());

    progress.batchDone();

    assertTrue(watch.problem().isEmpty());
    assertEquals(0, progress.restartsSinceMoved());
    progress.batchTaken();
    advance(STALL_AFTER.minusSeconds(1));
    assertTrue(watch.problem().isEmpty(), "the clock starts again from the commit");
  }

  @Test
  void aRestartedStreamThatTakesNothingForStallAfterOwesNothingSinceItsPartitionsWentElsewhere() {
    progress.batchTaken();
    advance(Duration.ofSeconds(10));
    progress.streamStarted();
    advance(STALL_AFTER.minusSeconds(11));
    assertTrue(watch.problem().isEmpty(), "not yet stalled, " + watch.stalledFor());
    advance(Duration.ofSeconds(5));
    assertTrue(watch.problem().isPresent(), "owed, and waited on for longer than stall-after");

    advance(Duration.ofSeconds(6));

    assertTrue(watch.problem().isEmpty(), "nothing taken since the restart, stall-after ago: nothing waits here");
    assertEquals(Duration.ZERO, watch.stalledFor());
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
