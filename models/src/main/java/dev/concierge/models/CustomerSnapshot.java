package dev.concierge.models;

import java.util.List;

/**
 * The persisted snapshot of a customer: the features plus the event ids still inside the dedupe
 * window (oldest first), so dedupe keeps working after recovery from a snapshot.
 */
public record CustomerSnapshot(CustomerFeatures features, List<String> recentEventIds) {

  public CustomerSnapshot {
    recentEventIds = List.copyOf(recentEventIds);
  }
}
