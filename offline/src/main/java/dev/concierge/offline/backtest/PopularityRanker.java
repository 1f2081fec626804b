package dev.concierge.offline.backtest;

import dev.concierge.models.FeatureState;
import dev.concierge.models.PurchaseHistory;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline every model must beat: the best sellers of the train window, the same for every shopper
 * but for what they bought. It keeps to the default business rules as served answers do (out-of-stock
 * and bought items stay out), so it is not credited with items no shopper would have been shown.
 */
final class PopularityRanker implements Ranker {

  private final List<String> bestSellers;
  private final Vocabulary vocabulary;

  /** @param bestSellers the in-stock catalog, most popular first (see {@link PopularityOrder}) */
  PopularityRanker(List<String> bestSellers, Vocabulary vocabulary) {
    this.bestSellers = bestSellers;
    this.vocabulary = vocabulary;
  }

  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    List<String> ranked = new ArrayList<>(Math.min(limit, bestSellers.size()));
    fill(ranked, 0, shopper(state), limit);
    return ranked;
  }

  /** The shopper's purchases as the business rules see them. */
  PurchaseHistory shopper(FeatureState state) {
    // the rules know purchases by shared code, which items the catalog took in since may now have
    state.adoptSharedCodes(vocabulary);
    return new ShopperView(state, vocabulary);
  }

  /**
   * Appends best sellers the shopper did not buy until {@code ranked} holds {@code limit} items.
   *
   * @param held how many items at the head of {@code ranked} a best seller must not repeat; they are few
   */
  void fill(List<String> ranked, int held, PurchaseHistory shopper, int limit) {
    for (int i = 0; i < bestSellers.size() && ranked.size() < limit; i++) {
      String itemId = bestSellers.get(i);
      if (!shopper.hasPurchased(itemId) && !heldAlready(ranked, held, itemId)) {
        ranked.add(itemId);
      }
    }
  }

  private static boolean heldAlready(List<String> ranked, int held, String itemId) {
    for (int i = 0; i < held; i++) {
      if (ranked.get(i).equals(itemId)) {
        return true;
      }
    }
    return false;
  }
}
