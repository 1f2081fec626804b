package dev.concierge.models;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the feature function weighs and bounds what it remembers. Live and offline code build it from
 * the same configuration ({@code concierge.features}), so both compute identical features.
 *
 * @param affinityHalfLife time after which an interaction counts half as much toward category affinity
 * @param recentItemsLimit how many distinct recently touched items a customer keeps
 * @param purchasedItemsLimit how many purchased items are remembered (they are never recommended again)
 * @param affinityWeights how strongly each event type signals interest in the item's category
 */
public record FeatureSettings(
    Duration affinityHalfLife,
    int recentItemsLimit,
    int purchasedItemsLimit,
    Map<EventType, Double> affinityWeights) {

  public FeatureSettings {
    Objects.requireNonNull(affinityHalfLife, "affinityHalfLife");
    if (affinityHalfLife.toMillis() < 1) {
      throw new IllegalArgumentException("affinityHalfLife must be at least 1 ms, was " + affinityHalfLife);
    }
    if (recentItemsLimit < 1 || purchasedItemsLimit < 1) {
      throw new IllegalArgumentException("item limits must be at least 1");
    }
    EnumMap<EventType, Double> complete = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      Double weight = affinityWeights.get(type);
      if (weight == null || !Double.isFinite(weight) || weight < 0) {
        throw new IllegalArgumentException("affinity weight for " + type.wireName() + " must be a finite number >= 0");
      }
      complete.put(type, weight);
    }
    affinityWeights = Map.copyOf(complete);
  }

  public double weightOf(EventType type) {
    return affinityWeights.get(type);
  }
}
