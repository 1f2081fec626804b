package dev.concierge.models;

import java.util.List;

/**
 * The persisted snapshot of a customer: the features, the keys of the event ids still inside the dedupe
 * window (oldest first, see {@link EventIdWindow#keyOf}), and the highest offset persisted per partition
 * of the events topic (see {@link PersistedOffsets#highest}), so that both kinds of dedupe keep working
 * after recovery from a snapshot, and what the delivery triggers remember ({@link TriggerMemory}).
 */
public record CustomerSnapshot(
    CustomerFeatures features, List<Long> recentEventKeys, List<KafkaSource> highestOffsets, TriggerMemory triggers) {

  public CustomerSnapshot {
    recentEventKeys = List.copyOf(recentEventKeys);
    highestOffsets = List.copyOf(highestOffsets);
    triggers = triggers == null ? TriggerMemory.NONE : triggers;
  }

  /** A snapshot of a customer whose triggers remember nothing. */
  public CustomerSnapshot(CustomerFeatures features, List<Long> recentEventKeys, List<KafkaSource> highestOffsets) {
    this(features, recentEventKeys, highestOffsets, TriggerMemory.NONE);
  }
}
