package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of events split by customer, as it is read: each customer's events in their order, in
 * groups within the {@link CommandLimits}, the groups in the order they were started. A customer's
 * group goes to its actor as one command, persisted in one write, each event with the record it came
 * from.
 */
final class CustomerGroups {

  private final CommandLimits limits;
  private final Map<String, OpenGroup> open = new HashMap<>();
  private final List<List<SourcedEvent>> groups = new ArrayList<>();

  CustomerGroups(CommandLimits limits) {
    this.limits = limits;
  }

  /** @param bytes the size of the event's record */
  void add(SourcedEvent sourced, int bytes) {
    String customerId = sourced.event().customerId();
    OpenGroup group = open.get(customerId);
    if (group == null || !group.takes(bytes, limits)) {
      group = new OpenGroup();
      open.put(customerId, group);
      groups.add(group.events);
    }
    group.events.add(sourced);
    group.bytes += bytes;
  }

  List<List<SourcedEvent>> groups() {
    return groups;
  }

  /** The customer's latest group, still taking events. */
  private static final class OpenGroup {
    private final List<SourcedEvent> events = new ArrayList<>();
    private long bytes;

    boolean takes(int eventBytes, CommandLimits limits) {
      return events.size() < limits.events() && bytes + eventBytes <= limits.bytes();
    }
  }
}
