package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How far ahead of a node's clock an event may claim to be, and how its time is counted. */
class EventHorizonTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration SKEW = Duration.ofHours(1);
  private final EventHorizon live = new EventHorizon.Live(Clock.fixed(NOW, ZoneOffset.UTC), SKEW);

  @Test
  void aLiveHorizonIsTheClockPlusTheSkew() {
    assertEquals(NOW.plus(SKEW).toEpochMilli(), live.latestMillis());
    assertFalse(live.isBeyond(NOW.plus(SKEW)), "exactly the skew ahead is still accepted");
    assertTrue(live.isBeyond(NOW.plus(SKEW).plusMillis(1)));
    assertFalse(live.isBeyond(Instant.parse("1970-01-01T00:00:00Z")), "old events are backfills, not errors");
  }

  @Test
  void timesBeyondWhatMillisecondsHoldAreJudgedWithoutThrowing() {
    assertTrue(live.isBeyond(Instant.MAX));
    assertFalse(live.isBeyond(Instant.MIN));
    assertEquals(live.latestMillis(), live.countedMillis(Instant.MAX));
    assertEquals(EventTime.EARLIEST_MILLIS, live.countedMillis(Instant.MIN));
  }

  @Test
  void aFutureEventCountsAtTheHorizonAndAnyOtherAtItsOwnTime() {
    assertEquals(live.latestMillis(), live.countedMillis(Instant.parse("9999-01-01T00:00:00Z")));
    assertEquals(NOW.minusSeconds(5).toEpochMilli(), live.countedMillis(NOW.minusSeconds(5)));
  }

  @Test
  void withoutAHorizonEveryTimeCountsAsItIsWithinWhatMillisecondsHold() {
    Instant farFuture = Instant.parse("9999-01-01T00:00:00Z");
    assertFalse(EventHorizon.NONE.isBeyond(farFuture));
    assertEquals(farFuture.toEpochMilli(), EventHorizon.NONE.countedMillis(farFuture));
    assertEquals(EventTime.LATEST_MILLIS, EventHorizon.NONE.countedMillis(Instant.MAX));
  }

  @Test
  void theSaturatedRangeLeavesRoomForAnyDifference() {
    assertEquals(Long.MAX_VALUE - 1, EventTime.LATEST_MILLIS - EventTime.EARLIEST_MILLIS);
    assertEquals(Instant.parse("2026-11-26T10:00:00.123Z").toEpochMilli(),
        EventTime.millisOf(Instant.parse("2026-11-26T10:00:00.123Z")));
  }

  @Test
  void aNegativeSkewIsRefused() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThrows(IllegalArgumentException.class, () -> new EventHorizon.Live(clock, Duration.ofSeconds(-1)));
  }
}
