package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCountsTest {

  @Test
  void zeroCountsNothing() {
    assertEquals(0, EventCounts.ZERO.total());
    for (EventType type : EventType.values()) {
      assertEquals(0, EventCounts.ZERO.of(type));
    }
  }

  @ParameterizedTest
  @EnumSource(value = EventType.class, names = "MERGE", mode = EnumSource.Mode.EXCLUDE)
  void plusCountsOnlyTheGivenType(EventType type) {
    EventCounts counts = EventCounts.ZERO.plus(type).plus(type);

    for (EventType other : EventType.values()) {
      assertEquals(other == type ? 2 : 0, counts.of(other), other.wireName());
    }
    assertEquals(2, counts.total());
  }

  @Test
  void aMergeIsNoInteractionAndCountsNowhere() {
    EventCounts counts = new EventCounts(1, 2, 3, 4);

    assertEquals(counts, counts.plus(EventType.MERGE));
    assertEquals(0, counts.of(EventType.MERGE));
  }

  @Test
  void countsOfTwoCustomersAddPerTypeAndSaturate() {
    assertEquals(new EventCounts(2, 4, 6, 8), new EventCounts(1, 2, 3, 4).plus(new EventCounts(1, 2, 3, 4)));
    assertEquals(Long.MAX_VALUE, new EventCounts(Long.MAX_VALUE, 0, 0, 0).plus(new EventCounts(1, 0, 0, 0)).view());
  }

  @Test
  void ofReadsTheMatchingField() {
    EventCounts counts = new EventCounts(1, 2, 3, 4);

    assertEquals(1, counts.of(EventType.VIEW));
    assertEquals(2, counts.of(EventType.CLICK));
    assertEquals(3, counts.of(EventType.ADD_TO_CART));
    assertEquals(4, counts.of(EventType.PURCHASE));
    assertEquals(10, counts.total());
  }

  @Test
  void plusLeavesTheOriginalUntouched() {
    EventCounts before = new EventCounts(1, 1, 1, 1);

    EventCounts after = before.plus(EventType.PURCHASE);

    assertEquals(new EventCounts(1, 1, 1, 1), before);
    assertEquals(new EventCounts(1, 1, 1, 2), after);
  }
}
