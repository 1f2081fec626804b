package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of events split by customer: each customer's events in their order, in groups of at most
 * a given size, the customers in the order they first appear. A customer's group goes to its actor as
 * one command, persisted in one write.
 */
final class CustomerGroups {

  private CustomerGroups() {}

  static List<List<SourcedEvent>> of(List<SourcedEvent> events, int maxPerGroup) {
    if (maxPerGroup < 1) {
      throw new IllegalArgumentException("a group holds at least one event, not " + maxPerGroup);
    }
    Map<String, List<SourcedEvent>> open = new LinkedHashMap<>();
    List<List<SourcedEvent>> groups = new ArrayList<>();
    for (SourcedEvent event : events) {
      String customerId = event.event().customerId();
      List<SourcedEvent> group = open.get(customerId);
      if (group == null || group.size() == maxPerGroup) {
        group = new ArrayList<>();
        open.put(customerId, group);
        groups.add(group);
      }
      group.add(event);
    }
    return groups;
  }
}
