package dev.concierge.models;

import java.util.List;

/**
 * The persisted snapshot of a customer: the features plus the keys of the event ids still inside
 * the dedupe window (oldest first, see {@link EventIdWindow#keyOf}), so dedupe keeps working after
 * recovery from a snapshot.
 */
public record CustomerSnapshot(CustomerFeatures features, List<Long> recentEventKeys) {

  public CustomerSnapshot {
    recentEventKeys = List.copyOf(recentEventKeys);
  }
}
