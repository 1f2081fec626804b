package dev.concierge.engine.model;

import dev.concierge.engine.ingestion.RecordedEventListener;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;

/** Feeds every newly recorded event into this node's live trends, weighted like category interest. */
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
        vocabulary.items().intern(event.itemId()), weights.weightOf(event.type()), event.timestamp().toEpochMilli());
  }
}
