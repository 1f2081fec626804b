package dev.concierge.offline.backtest;

import dev.concierge.models.FeatureState;
import dev.concierge.models.PurchaseHistory;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TableIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item-kNN baseline: every item the shopper's items co-occur with in the train window's table,
 * ranked by the summed co-occurrence weight, then the best sellers (the shopper's items are those the
 * live co-occurrence feature starts from); the co-occurrence source alone, without a model, under the
 * default business rules as the other baselines.
 */
final class ItemKnnRanker implements Ranker {

  private final TableIndex tables;
  private final Vocabulary vocabulary;
  private final PopularityRanker bestSellers;

  ItemKnnRanker(TableIndex tables, Vocabulary vocabulary, PopularityRanker bestSellers) {
    this.tables = tables;
    this.vocabulary = vocabulary;
    this.bestSellers = bestSellers;
  }

  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    PurchaseHistory shopper = bestSellers.shopper(state);
    Map<Integer, Double> scores = new HashMap<>();
    state.forEachRecentOrPurchasedItem(item -> addNeighbours(item, scores));
    List<Map.Entry<Integer, Double>> byScore = new ArrayList<>(scores.entrySet());
    byScore.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> ranked = new ArrayList<>(limit);
    for (Map.Entry<Integer, Double> entry : byScore) {
      if (ranked.size() == limit) {
        break;
      }
      String itemId = vocabulary.items().nameOf(entry.getKey());
      if (!shopper.hasPurchased(itemId)) {
        ranked.add(itemId);
      }
    }
    bestSellers.fill(ranked, ranked.size(), shopper, limit);
    return ranked;
  }

  private void addNeighbours(int item, Map<Integer, Double> scores) {
    int[] neighbours = tables.coOccurringWith(item);
    float[] weights = tables.coOccurringWeights(item);
    for (int i = 0; i < neighbours.length; i++) {
      scores.merge(neighbours[i], (double) weights[i], Double::sum);
    }
  }
}
