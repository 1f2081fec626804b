package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerGroupsTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final int SMALL = 100;
  private static final CommandLimits ROOMY = new CommandLimits(32, 1_000_000);

  // each event's size as written, by its id; SMALL unless a test says otherwise
  private final Map<String, Long> sizes = new HashMap<>();

  @Test
  void eachCustomersEventsKeepTheirOrderAndCustomersComeInTheOrderTheyFirstAppear() {
    SourcedEvent a1 = event("a-1", "a");
    SourcedEvent b1 = event("b-1", "b");
    SourcedEvent a2 = event("a-2", "a");
    SourcedEvent c1 = event("c-1", "c");
    SourcedEvent b2 = event("b-2", "b");

    assertEquals(List.of(List.of(a1, a2), List.of(b1, b2), List.of(c1)), grouped(ROOMY, a1, b1, a2, c1, b2));
  }

  @Test
  void aCustomerWithMoreEventsThanACommandHoldsGetsSeveralGroupsInOrder() {
    SourcedEvent a1 = event("a-1", "a");
    SourcedEvent a2 = event("a-2", "a");
    SourcedEvent b1 = event("b-1", "b");
    SourcedEvent a3 = event("a-3", "a");

    assertEquals(List.of(List.of(a1, a2), List.of(b1), List.of(a3)),
        grouped(new CommandLimits(2, 1_000_000), a1, a2, b1, a3));
  }

  @Test
  void aCustomersEventsAreSplitWhenTheirBytesWouldExceedTheBudgetThoughTheCountAllowsMore() {
    CommandLimits limits = new CommandLimits(32, 250);
    CustomerGroups groups = new CustomerGroups(limits, this::size);
    SourcedEvent a1 = event("a-1", "a");
    SourcedEvent a2 = event("a-2", "a");
    SourcedEvent a3 = event("a-3", "a");
    SourcedEvent a4 = event("a-4", "a");

    groups.add(sized(a1, SMALL));
    groups.add(sized(a2, 150));
    groups.add(sized(a3, 1));
    groups.add(sized(a4, SMALL));

    assertEquals(List.of(List.of(a1, a2), List.of(a3, a4)), groups.groups(),
        "100 + 150 bytes fill the budget exactly; one byte more starts the next command");
  }

  @Test
  void anEventLargerThanTheBudgetGoesAloneRatherThanNowhere() {
    CustomerGroups groups = new CustomerGroups(new CommandLimits(32, 250), this::size);
    SourcedEvent a1 = event("a-1", "a");
    SourcedEvent huge = event("a-2", "a");
    SourcedEvent a3 = event("a-3", "a");

    groups.add(sized(a1, SMALL));
    groups.add(sized(huge, 1_000));
    groups.add(sized(a3, SMALL));

    assertEquals(List.of(List.of(a1), List.of(huge), List.of(a3)), groups.groups());
  }

  @Test
  void eachCustomerHasABudgetOfItsOwn() {
    CustomerGroups groups = new CustomerGroups(new CommandLimits(32, 250), this::size);
    SourcedEvent a1 = event("a-1", "a");
    SourcedEvent b1 = event("b-1", "b");
    SourcedEvent a2 = event("a-2", "a");

    groups.add(sized(a1, 200));
    groups.add(sized(b1, 200));
    groups.add(sized(a2, 50));

    assertEquals(List.of(List.of(a1, a2), List.of(b1)), groups.groups());
  }

  private List<List<SourcedEvent>> grouped(CommandLimits limits, SourcedEvent... events) {
    CustomerGroups groups = new CustomerGroups(limits, this::size);
    for (SourcedEvent event : events) {
      groups.add(event);
    }
    return groups.groups();
  }

  @Test
  void theGroupsHoldTheVeryEventsTheyWereGivenWithTheirSources() {
    SourcedEvent a1 = event("a-1", "a");

    List<List<SourcedEvent>> groups = grouped(ROOMY, a1);

    assertSame(a1, groups.get(0).get(0), "ingestion finds a refused event's record by identity");
  }

  private SourcedEvent sized(SourcedEvent event, long bytes) {
    sizes.put(event.event().eventId(), bytes);
    return event;
  }

  private long size(CustomerEvent event) {
    return sizes.getOrDefault(event.eventId(), (long) SMALL);
  }

  private static SourcedEvent event(String eventId, String customerId) {
    return new SourcedEvent(
        CustomerEvent.of(eventId, customerId, EventType.VIEW, "sku-1", T0), new KafkaSource(0, eventId.hashCode() & 0xffff));
  }
}
