package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneMergeTest {

  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  @Test
  void takesEventsInTimeOrder() {
    LaneMerge merge = new LaneMerge(1);
    merge.add(0, event("e3", "c-1", 30));
    merge.add(0, event("e1", "c-2", 10));
    merge.add(0, event("e2", "c-3", 20));

    assertEquals(List.of("e1", "e2", "e3"), drain(merge));
  }

  @Test
  void breaksTiesByCustomerThenByInputThenByArrival() {
    LaneMerge merge = new LaneMerge(2);
    merge.add(1, event("b-input1", "c-b", 10));
    merge.add(0, event("b-first", "c-b", 10));
    merge.add(0, event("a", "c-a", 10));
    merge.add(0, event("b-second", "c-b", 10));

    assertEquals(List.of("a", "b-first", "b-second", "b-input1"), drain(merge));
  }

  @Test
  void keepsACustomersOrderEvenWhereItsTimesGoBackwards() {
    LaneMerge merge = new LaneMerge(1);
    merge.add(0, event("late-recorded-first", "c-1", 50));
    merge.add(0, event("early-recorded-second", "c-1", 5));
    merge.add(0, event("other", "c-2", 20));

    assertEquals(List.of("other", "late-recorded-first", "early-recorded-second"), drain(merge));
  }

  @Test
  void countsWhatEachInputHolds() {
    LaneMerge merge = new LaneMerge(2);
    merge.add(0, event("a", "c-1", 1));
    merge.add(1, event("b", "c-1", 2));
    merge.add(1, event("c", "c-2", 3));

    assertEquals(1, merge.sizeOf(0));
    assertEquals(2, merge.sizeOf(1));
    merge.poll();
    assertEquals(0, merge.sizeOf(0));
    assertEquals(T0.plusSeconds(2), merge.headTime());
    assertEquals(2, merge.size());
  }

  private static List<String> drain(LaneMerge merge) {
    List<String> ids = new ArrayList<>();
    while (!merge.isEmpty()) {
      ids.add(merge.poll().event().eventId());
    }
    assertTrue(merge.isEmpty());
    return ids;
  }

  static EventRecorded event(String eventId, String customerId, long second) {
    return new EventRecorded(CustomerEvent.of(eventId, customerId, EventType.VIEW, "sku-1", T0.plusSeconds(second)), null);
  }
}
