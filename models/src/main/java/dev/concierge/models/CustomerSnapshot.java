package dev.concierge.models;

import java.util.List;

/**
 * The persisted snapshot of a customer: the features, the keys of the event ids still inside the dedupe
 * window (oldest first, see {@link EventIdWindow#keyOf}), and the highest offset persisted per partition
 * of the events topic (see {@link PersistedOffsets#highest}), so that both kinds of dedupe keep working
 * after recovery from a snapshot.
 */
public record CustomerSnapshot(CustomerFeatures features, List<Long> recentEventKeys, List<KafkaSource> highestOffsets) {

  public CustomerSnapshot {
    recentEventKeys = List.copyOf(recentEventKeys);
    highestOffsets = List.copyOf(highestOffsets);
  }
}
