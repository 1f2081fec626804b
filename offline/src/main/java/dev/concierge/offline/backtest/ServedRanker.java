package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.rules.BusinessRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A serving model asked the way the decision API asks it, so the backtest measures what shoppers
 * would have been shown. Offline there are no live trends and no page context, as in training.
 */
final class ServedRanker implements Ranker {

  private final Recommender recommender;
  private final ServingModel model;
  private final Vocabulary vocabulary;
  private final Catalog catalog;

  ServedRanker(Recommender recommender, ServingModel model, Vocabulary vocabulary, Catalog catalog) {
    this.recommender = recommender;
    this.model = model;
    this.vocabulary = vocabulary;
    this.catalog = catalog;
  }

  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit) {
    return rank(customerId, state, nowMillis, limit, ExcludedItems.NONE);
  }

  /** Leaves the excluded items out as a storefront would, through the request's {@code exclude}. */
  @Override
  public List<String> rank(String customerId, FeatureState state, long nowMillis, int limit, ExcludedItems excluded) {
    List<RankedItem> answer =
        recommender.recommend(
            model, state, vocabulary, catalog, null,
            new DecisionQuery(customerId, limit, null, List.of(), excluded.itemIds()), BusinessRules.DEFAULT, nowMillis);
    List<String> itemIds = new ArrayList<>(answer.size());
    for (RankedItem item : answer) {
      itemIds.add(item.itemId());
    }
    return itemIds;
  }
}
