package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerGroupsTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void eachCustomersEventsKeepTheirOrderAndCustomersComeInTheOrderTheyFirstAppear() {
    SourcedEvent a1 = event("a-1", "a");
    SourcedEvent b1 = event("b-1", "b");
    SourcedEvent a2 = event("a-2", "a");
    SourcedEvent c1 = event("c-1", "c");
    SourcedEvent b2 = event("b-2", "b");

    assertEquals(List.of(List.of(a1, a2), List.of(b1, b2), List.of(c1)),
        CustomerGroups.of(List.of(a1, b1, a2, c1, b2), 32));
  }

  @Test
  void aCustomerWithMoreEventsThanAGroupHoldsGetsSeveralGroupsInOrder() {
    List<SourcedEvent> events = List.of(event("a-1", "a"), event("a-2", "a"), event("b-1", "b"), event("a-3", "a"));

    assertEquals(List.of(List.of(events.get(0), events.get(1)), List.of(events.get(2)), List.of(events.get(3))),
        CustomerGroups.of(events, 2));
  }

  @Test
  void aGroupHoldsAtLeastOneEvent() {
    assertThrows(IllegalArgumentException.class, () -> CustomerGroups.of(List.of(event("a-1", "a")), 0));
  }

  private static SourcedEvent event(String eventId, String customerId) {
    return new SourcedEvent(CustomerEvent.of(eventId, customerId, EventType.VIEW, "sku-1", T0), null);
  }
}
