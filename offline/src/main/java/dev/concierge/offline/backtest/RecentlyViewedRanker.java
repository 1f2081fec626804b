package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.PurchaseHistory;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline that shows a shopper what they viewed last, most recent first, then the best sellers,
 * under the default business rules as served answers (out-of-stock and bought items stay out).
 */
final class RecentlyViewedRanker implements Ranker {

  private final Catalog catalog;
  private final Vocabulary vocabulary;
  private final PopularityRanker bestSellers;

  RecentlyViewedRanker(Catalog catalog, Vocabulary vocabulary, PopularityRanker bestSellers) {
    this.catalog = catalog;
    this.vocabulary = vocabulary;
    this.bestSellers = bestSellers;
  }

  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    PurchaseHistory shopper = bestSellers.shopper(state);
    List<String> ranked = new ArrayList<>(limit);
    for (int item : state.viewedItemCodes()) {
      if (item == FeatureState.EMPTY || ranked.size() == limit) {
        break;
      }
      String itemId = state.itemName(item, vocabulary);
      CatalogItem catalogItem = catalog.item(itemId);
      if (catalogItem != null && catalogItem.inStock() && !shopper.hasPurchased(itemId) && !ranked.contains(itemId)) {
        ranked.add(itemId);
      }
    }
    bestSellers.fill(ranked, ranked.size(), shopper, limit);
    return ranked;
  }
}
