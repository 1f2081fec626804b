package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.PurchaseHistory;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;
import dev.concierge.offline.simulation.LatentTastes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator's own answer: the catalog ranked by each shopper's latent utility for each item, the
 * weight with which the simulated shopper picks items by taste. No model learnt from the events can
 * know a shopper's tastes better, so on taste-driven picks it is the upper bound; it knows nothing of
 * the visit in progress. It keeps to the default business rules as served answers do (out-of-stock
 * and bought items stay out).
 */
final class OracleRanker implements Ranker {

  private final LatentTastes tastes;
  private final Vocabulary vocabulary;
  /** The catalog's items by the tastes' item index; null for an item the catalog lacks or has out of stock. */
  private final String[] shown;

  OracleRanker(LatentTastes tastes, Catalog catalog, Vocabulary vocabulary) {
    this.tastes = tastes;
    this.vocabulary = vocabulary;
    this.shown = new String[tastes.itemCount()];
    for (int item = 0; item < shown.length; item++) {
      CatalogItem catalogItem = catalog.item(tastes.itemId(item));
      shown[item] = catalogItem != null && catalogItem.inStock() ? catalogItem.itemId() : null;
    }
  }

  /** @throws IllegalArgumentException when the customer was not one of the simulated shoppers */
  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    int shopper = tastes.shopperIndex(customerId);
    if (shopper < 0) {
      throw new IllegalArgumentException(
          "customer " + customerId + " is not in the latent tastes: was the history simulated with them?");
    }
    double[] utility = new double[shown.length];
    Integer[] order = new Integer[shown.length];
    for (int item = 0; item < shown.length; item++) {
      utility[item] = tastes.utility(shopper, item);
      order[item] = item;
    }
    Arrays.sort(order, (a, b) -> Double.compare(utility[b], utility[a]));
    // the rules know purchases by shared code, which items the catalog took in since may now have
    state.adoptSharedCodes(vocabulary);
    PurchaseHistory purchases = new ShopperView(state, vocabulary);
    List<String> ranked = new ArrayList<>(limit);
    for (int rank = 0; rank < order.length && ranked.size() < limit; rank++) {
      String itemId = shown[order[rank]];
      if (itemId != null && !purchases.hasPurchased(itemId)) {
        ranked.add(itemId);
      }
    }
    return ranked;
  }
}
