package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

  private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-10-02T00:00:00Z");

  @Test
  void includesItsStartAndExcludesItsEnd() {
    TimeRange range = TimeRange.between(FROM, TO);

    assertTrue(range.contains(FROM));
    assertTrue(range.contains(TO.minusNanos(1)));
    assertFalse(range.contains(TO));
    assertFalse(range.contains(FROM.minusNanos(1)));
  }

  @Test
  void anOpenEndContainsEverythingOnThatSide() {
    assertTrue(TimeRange.since(FROM).contains(Instant.MAX));
    assertTrue(TimeRange.until(TO).contains(Instant.MIN));
    assertTrue(TimeRange.all().contains(FROM));
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRejectedWithBothEnds() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TimeRange.between(TO, FROM));

    assertTrue(error.getMessage().contains(FROM.toString()) && error.getMessage().contains(TO.toString()), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimeRange.between(FROM, FROM));
  }

  @Test
  void parsingNamesTheArgumentThatIsNotATime() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("2026-10-01T00:00:00Z", "tomorrow"));

    assertTrue(error.getMessage().startsWith("--to 'tomorrow' is not a time"), error.getMessage());
    assertEquals(TimeRange.since(FROM), TimeRange.parse("2026-10-01T02:00:00+02:00", null));
  }
}
