package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.models.CustomerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A batch of events split by customer, as it is read: each customer's events in their order, in
 * groups within the {@link CommandLimits}, the groups in the order they were started. A customer's
 * group goes to its actor as one command, persisted in one write, each event with the record it came
 * from. An event's bytes are those of its written form ({@code EventJson.writtenSize}), not of the record
 * it was read from: the binary form a command travels in grows with the written form, which a context of
 * numbers can make 2.5 times the record ({@code 1e6} is kept as {@code 1000000.0}).
 */
final class CustomerGroups {

  private final CommandLimits limits;
  private final ToLongFunction<CustomerEvent> size;
  private final Map<String, OpenGroup> open = new HashMap<>();
  private final List<List<SourcedEvent>> groups = new ArrayList<>();

  /** @param size an event's bytes as written ({@code EventJson::writtenSize}), which bound its binary form */
  CustomerGroups(CommandLimits limits, ToLongFunction<CustomerEvent> size) {
    this.limits = limits;
    this.size = size;
  }

  void add(SourcedEvent sourced) {
    long bytes = size.applyAsLong(sourced.event());
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

    boolean takes(long eventBytes, CommandLimits limits) {
      return events.size() < limits.events() && bytes + eventBytes <= limits.bytes();
    }
  }
}
