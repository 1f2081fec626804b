package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.ScoredCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline any personal model should beat: what the shopper viewed last, most recent first, then
 * the best sellers, through the same business rules as served answers ({@link RuledList}).
 */
final class RecentlyViewedRanker implements Ranker {

  private final Catalog catalog;
  private final Vocabulary vocabulary;
  private final int[] bestSellers;

  RecentlyViewedRanker(Catalog catalog, Vocabulary vocabulary, int[] bestSellers) {
    this.catalog = catalog;
    this.vocabulary = vocabulary;
    this.bestSellers = bestSellers;
  }

  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    List<ScoredCandidate> candidates = new ArrayList<>();
    for (int item : state.viewedItemCodes()) {
      if (item == FeatureState.EMPTY) {
        break;
      }
      add(state.itemName(item, vocabulary), candidates);
    }
    for (int item : bestSellers) {
      add(vocabulary.items().nameOf(item), candidates);
    }
    return RuledList.itemIds(candidates, state, vocabulary, limit);
  }

  // the score only keeps the order in which items were added; a repeat keeps its earlier, higher score
  private void add(String itemId, List<ScoredCandidate> candidates) {
    CatalogItem catalogItem = catalog.item(itemId);
    if (catalogItem != null) {
      candidates.add(new ScoredCandidate(catalogItem, 1.0 / (candidates.size() + 1)));
    }
  }
}
