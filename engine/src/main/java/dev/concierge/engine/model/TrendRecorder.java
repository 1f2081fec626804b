package dev.concierge.engine.model;

import dev.concierge.engine.ingestion.RecordedEventListener;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;

/**
 * Feeds every newly recorded event into this node's live trends, weighted like category interest. Only
 * items with a shared code trend: the others are not in the catalog, so they could never be offered,
 * and learning them would let made-up ids grow the vocabulary.
 */
public final class TrendRecorder implements RecordedEventListener {

  private final TrendingItems trends;
  private final Vocabulary vocabulary;
  private final FeatureSettings weights;

  public TrendRecorder(TrendingItems trends, Vocabulary vocabulary, FeatureSettings weights) {
    this.trends = trends;
    this.vocabulary = vocabulary;
    this.weights = weights;
  }

  @Override
  public void recorded(CustomerEvent event) {
    trends.record(
        vocabulary.items().codeOf(event.itemId()), weights.weightOf(event.type()), event.timestamp().toEpochMilli());
  }
}
