package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.ScoredCandidate;
import dev.concierge.offline.simulation.LatentTastes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator's own answer: the catalog ranked by each shopper's latent utility for each item, the
 * weight with which the simulated shopper picks items by taste. No model learnt from the events can
 * know a shopper's tastes better, so on taste-driven picks it is the upper bound; it knows nothing of
 * the visit in progress. It goes through the same business rules as served answers ({@link RuledList}).
 */
final class OracleRanker implements Ranker {

  private final LatentTastes tastes;
  private final Vocabulary vocabulary;
  private final CatalogItem[] items;
  /** Enough top items to fill a list after the rules drop the out-of-stock ones. */
  private final int outOfStock;

  OracleRanker(LatentTastes tastes, Catalog catalog, Vocabulary vocabulary) {
    this.tastes = tastes;
    this.vocabulary = vocabulary;
    this.items = new CatalogItem[tastes.itemCount()];
    int missing = 0;
    for (int item = 0; item < items.length; item++) {
      items[item] = catalog.item(tastes.itemId(item));
      missing += items[item] == null || !items[item].inStock() ? 1 : 0;
    }
    this.outOfStock = missing;
  }

  /** @throws IllegalArgumentException when the customer was not one of the simulated shoppers */
  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    int shopper = tastes.shopperIndex(customerId);
    if (shopper < 0) {
      throw new IllegalArgumentException(
          "customer " + customerId + " is not in the latent tastes: was the history simulated with them?");
    }
    double[] utility = new double[items.length];
    Integer[] order = new Integer[items.length];
    for (int item = 0; item < items.length; item++) {
      utility[item] = tastes.utility(shopper, item);
      order[item] = item;
    }
    Arrays.sort(order, (a, b) -> Double.compare(utility[b], utility[a]));
    // bought items leave the list too: a list this long keeps limit after the rules
    int wanted = Math.min(items.length, limit + outOfStock + state.purchaseCount());
    List<ScoredCandidate> candidates = new ArrayList<>(wanted);
    for (int rank = 0; rank < wanted; rank++) {
      CatalogItem item = items[order[rank]];
      if (item != null) {
        candidates.add(new ScoredCandidate(item, utility[order[rank]]));
      }
    }
    return RuledList.itemIds(candidates, state, vocabulary, limit);
  }
}
