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
 * @param recentItemsLimit how many distinct items are kept per list (viewed, clicked, carted)
 * @param purchasedItemsLimit how many purchased items are remembered (the rules keep them out of answers)
 * @param affinityWeights how strongly each interaction signals interest in the item's category (a merge
 *     signals none: it has no item)
 * @param sessionIdleTimeout a gap longer than this between two events starts a new session
 * @param affinityCategoriesLimit how many categories affinity tracks; the weakest is forgotten first
 * @param sessionCategoriesLimit how many distinct categories of the current session are kept
 */
public record FeatureSettings(
    Duration affinityHalfLife,
    int recentItemsLimit,
    int purchasedItemsLimit,
    Map<EventType, Double> affinityWeights,
    Duration sessionIdleTimeout,
    int affinityCategoriesLimit,
    int sessionCategoriesLimit) {

  public FeatureSettings {
    Objects.requireNonNull(affinityHalfLife, "affinityHalfLife");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    if (affinityHalfLife.toMillis() < 1) {
      throw new IllegalArgumentException("affinityHalfLife must be at least 1 ms, was " + affinityHalfLife);
    }
    if (sessionIdleTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("sessionIdleTimeout must be at least 1 ms, was " + sessionIdleTimeout);
    }
    if (recentItemsLimit < 1 || purchasedItemsLimit < 1 || affinityCategoriesLimit < 1 || sessionCategoriesLimit < 1) {
      throw new IllegalArgumentException("item and category limits must be at least 1");
    }
    EnumMap<EventType, Double> complete = new EnumMap<>(EventType.class);
    for (EventType type : EventType.interactions()) {
      Double weight = affinityWeights.get(type);
      if (weight == null || !Double.isFinite(weight) || weight < 0) {
        throw new IllegalArgumentException(
            "affinity weight for " + type.wireName() + " must be a finite number >= 0");
      }
      complete.put(type, weight);
    }
    affinityWeights = Map.copyOf(complete);
  }

  /** The interaction's weight; 0 for a merge, which is no interaction. */
  public double weightOf(EventType type) {
    return type.isInteraction() ? affinityWeights.get(type) : 0;
  }
}
