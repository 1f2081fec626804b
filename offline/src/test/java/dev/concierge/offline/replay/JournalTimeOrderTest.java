package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The journal's time order is a sort, not a merge of lanes: it must still be exactly the lane merge's
 * order, whatever the customers' times do, so that every source replays the same history alike.
 */
class JournalTimeOrderTest {

  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

  @Property
  void sortingByTheCustomersLatestTimeGivesTheLaneMergesOrder(
      @ForAll @Size(min = 1, max = 6) List<@Size(max = 12) List<@IntRange(max = 20) Integer>> secondsByCustomer,
      @ForAll Random scanOrder) {
    LaneMerge lanes = new LaneMerge(1);
    List<KeyedEvent> keyed = new ArrayList<>();
    CustomerClock clock = new CustomerClock();
    for (int customer = 0; customer < secondsByCustomer.size(); customer++) {
      String customerId = "c-" + customer;
      List<Integer> seconds = secondsByCustomer.get(customer);
      for (int sequenceNr = 1; sequenceNr <= seconds.size(); sequenceNr++) {
        Instant time = T0.plusSeconds(seconds.get(sequenceNr - 1));
        EventRecorded recorded = new EventRecorded(
            CustomerEvent.of(customerId + "-" + sequenceNr, customerId, EventType.VIEW, "sku-1", time), null);
        lanes.add(0, recorded);
        // the order needs no payload
        keyed.add(new KeyedEvent(clock.keyFor(customerId, time), customerId, sequenceNr, null));
      }
    }
    Collections.shuffle(keyed, scanOrder);
    keyed.sort(KeyedEvent.ORDER);

    List<String> merged = new ArrayList<>();
    while (!lanes.isEmpty()) {
      merged.add(lanes.poll().event().eventId());
    }
    assertEquals(merged, keyed.stream().map(k -> k.customerId() + "-" + k.sequenceNr()).toList());
  }
}
