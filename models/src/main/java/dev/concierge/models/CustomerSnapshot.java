package dev.concierge.models;

import java.util.List;

/**
 * The persisted snapshot of a customer: the features, the keys of the event ids still inside the dedupe
 * window (oldest first, see {@link EventIdWindow#keyOf}), the highest offset persisted per partition
 * of the events topic (see {@link PersistedOffsets#highest}), so that both kinds of dedupe keep working
 * after recovery from a snapshot, the customers whose history it took over or still awaits
 * ({@link IdentityMerges}), so that a merge counts once and one pending at the snapshot is asked again,
 * and what the delivery triggers remember ({@link TriggerMemory}).
 *
 * @param mergedFrom    the customers whose history was taken over, oldest first
 * @param pendingMerges the customers whose history a recorded merge still awaits, oldest first
 */
public record CustomerSnapshot(
    CustomerFeatures features, List<Long> recentEventKeys, List<KafkaSource> highestOffsets, List<String> mergedFrom,
    List<String> pendingMerges, TriggerMemory triggers) {

  public CustomerSnapshot {
    recentEventKeys = List.copyOf(recentEventKeys);
    highestOffsets = List.copyOf(highestOffsets);
    mergedFrom = List.copyOf(mergedFrom);
    pendingMerges = List.copyOf(pendingMerges);
    triggers = triggers == null ? TriggerMemory.NONE : triggers;
  }

  /** A customer that never merged, whose triggers remember nothing. */
  public CustomerSnapshot(CustomerFeatures features, List<Long> recentEventKeys, List<KafkaSource> highestOffsets) {
    this(features, recentEventKeys, highestOffsets, List.of(), List.of(), TriggerMemory.NONE);
  }
}
