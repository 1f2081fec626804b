package dev.concierge.engine.model;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;

/**
 * Feeds every newly recorded event into this node's live trends, weighted like category interest, at
 * its time but no later than the node's horizon: trends decay against the newest time they saw, so
 * one event dated 9999 would otherwise decay every other item to nothing, and every event after it.
 * Only items with a shared code trend: the others are not in the catalog, so they could never be
 * offered, and learning them would let made-up ids grow the vocabulary.
 */
public final class TrendRecorder implements RecordedEventListener {

  private final TrendingItems trends;
  private final Vocabulary vocabulary;
  private final FeatureSettings weights;
  private final EventHorizon horizon;

  public TrendRecorder(TrendingItems trends, Vocabulary vocabulary, FeatureSettings weights, EventHorizon horizon) {
    this.trends = trends;
    this.vocabulary = vocabulary;
    this.weights = weights;
    this.horizon = horizon;
  }

  @Override
  public void recorded(CustomerEvent event) {
    if (!event.type().isInteraction()) {
      // a merge has no item to trend
      return;
    }
    trends.record(
        vocabulary.items().codeOf(event.itemId()), weights.weightOf(event.type()),
        horizon.countedMillis(event.timestamp()));
  }
}
