package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.RankedCandidate;
import dev.concierge.models.rules.RuleEngine;
import dev.concierge.models.rules.ScoredCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline any personal model should beat: what the shopper viewed last, most recent first, then
 * the best sellers. It goes through the same business rules as served answers (bought and out-of-stock
 * items stay out), so it is not credited with items no shopper would have been shown.
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
    // the rules know purchases by shared code, which items the catalog took in since may now have
    state.adoptSharedCodes(vocabulary);
    for (int item : state.viewedItemCodes()) {
      if (item == FeatureState.EMPTY) {
        break;
      }
      add(state.itemName(item, vocabulary), candidates);
    }
    for (int item : bestSellers) {
      add(vocabulary.items().nameOf(item), candidates);
    }
    List<RankedCandidate> ranked =
        RuleEngine.apply(candidates, new ShopperView(state, vocabulary), BusinessRules.DEFAULT, limit);
    List<String> itemIds = new ArrayList<>(ranked.size());
    for (RankedCandidate candidate : ranked) {
      itemIds.add(candidate.itemId());
    }
    return itemIds;
  }

  // the score only keeps the order in which items were added; a repeat keeps its earlier, higher score
  private void add(String itemId, List<ScoredCandidate> candidates) {
    CatalogItem catalogItem = catalog.item(itemId);
    if (catalogItem != null) {
      candidates.add(new ScoredCandidate(catalogItem, 1.0 / (candidates.size() + 1)));
    }
  }
}
