package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline that shows a shopper what they viewed last, most recent first, then the best sellers.
 * Out-of-stock items stay out, as served answers leave them out.
 */
final class RecentlyViewedRanker implements Ranker {

  private final Catalog catalog;
  private final Vocabulary vocabulary;
  private final List<String> bestSellers;

  /** @param bestSellers the in-stock catalog, most popular first */
  RecentlyViewedRanker(Catalog catalog, Vocabulary vocabulary, List<String> bestSellers) {
    this.catalog = catalog;
    this.vocabulary = vocabulary;
    this.bestSellers = bestSellers;
  }

  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    List<String> ranked = new ArrayList<>(limit);
    for (int item : state.viewedItemCodes()) {
      if (item == FeatureState.EMPTY || ranked.size() == limit) {
        break;
      }
      String itemId = state.itemName(item, vocabulary);
      CatalogItem catalogItem = catalog.item(itemId);
      if (catalogItem != null && catalogItem.inStock() && !ranked.contains(itemId)) {
        ranked.add(itemId);
      }
    }
    // the recent views are few, so skipping them by a scan of the list stays cheap
    int views = ranked.size();
    for (int i = 0; i < bestSellers.size() && ranked.size() < limit; i++) {
      String itemId = bestSellers.get(i);
      if (!ranked.subList(0, views).contains(itemId)) {
        ranked.add(itemId);
      }
    }
    return ranked;
  }
}
