package dev.concierge.benchmarks.baseline;

import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import java.util.List;

/**
 * One customer's keyed state in the writer, as a Flink job would hold it: the compact features and
 * the dedupe window that {@code CustomerEntity} holds, changed by the same feature function. Mutable,
 * and touched by one batch at a time.
 */
final class CustomerState {

  private final FeatureState features;
  private final EventIdWindow recentEventIds;

  private CustomerState(FeatureState features, EventIdWindow recentEventIds) {
    this.features = features;
    this.recentEventIds = recentEventIds;
  }

  /** A customer that Redis does not know yet. */
  static CustomerState fresh(CustomerSettings settings) {
    return new CustomerState(new FeatureState(settings.features()), new EventIdWindow(settings.dedupeWindow()));
  }

  /** A customer as the writer last stored it, as a node recovers one from its snapshot. */
  static CustomerState restored(CustomerSnapshot stored, Vocabulary vocabulary, CustomerSettings settings) {
    return new CustomerState(
        FeatureState.of(stored.features(), vocabulary, settings.features()),
        EventIdWindow.of(settings.dedupeWindow(), stored.recentEventKeys()));
  }

  /**
   * Folds the event in, unless its id is in the dedupe window.
   *
   * @param category the item's category now, or {@code null} when the catalog does not know the item
   * @return false for a redelivery, which changes nothing
   */
  boolean record(CustomerEvent event, String category, Vocabulary vocabulary, CustomerSettings settings) {
    if (recentEventIds.contains(event.eventId())) {
      return false;
    }
    features.apply(event, category, vocabulary, settings.features());
    recentEventIds.add(event.eventId());
    return true;
  }

  /** What Redis holds for the customer: the features by name, and the dedupe window. */
  CustomerSnapshot snapshot(Vocabulary vocabulary) {
    // the baseline keeps no Kafka offsets: it dedupes by its window alone
    return new CustomerSnapshot(features.view(vocabulary), recentEventIds.keys(), List.of());
  }
}
