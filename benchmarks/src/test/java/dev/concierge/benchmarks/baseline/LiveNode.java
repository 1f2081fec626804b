package dev.concierge.benchmarks.baseline;

import static dev.concierge.benchmarks.baseline.BaselineFixtures.CATALOG;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.CLOCK;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.POPULAR_PER_LIST;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.RECOMMENDER;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.RULES;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.SETTINGS;

import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.recommend.TrendingItems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Concierge node holds after a history, computed the node's way and without any baseline
 * code: each customer's live {@link FeatureState}, folded event by event as {@code CustomerEntity}'s
 * event handler folds it, the trends its ingestion records, and the bundle loaded with its own codes.
 */
final class LiveNode {

  final Vocabulary vocabulary = BaselineFixtures.vocabulary();
  final TrendingItems trends = BaselineFixtures.trends();
  private final Map<String, FeatureState> customers = new HashMap<>();
  private final ServingModel model =
      ServingModel.load(BaselineFixtures.bundle(), CATALOG, vocabulary, POPULAR_PER_LIST);

  LiveNode(List<CustomerEvent> history) {
    TrendRecorder trendRecorder = new TrendRecorder(trends, vocabulary, SETTINGS.features(), EventHorizon.NONE);
    for (CustomerEvent event : history) {
      customers
          .computeIfAbsent(event.customerId(), id -> new FeatureState(SETTINGS.features()))
          .apply(event, CATALOG.categoryOf(event.itemId()), vocabulary, SETTINGS.features());
      trendRecorder.recorded(event);
    }
    trends.refreshTop();
  }

  CustomerFeatures features(String customerId) {
    return state(customerId).view(vocabulary);
  }

  /** The decision a node's customer actor makes, with the node's recommender, model, catalog, trends and rules. */
  List<RankedItem> decide(DecisionQuery query) {
    return RECOMMENDER.recommend(
        model, state(query.customerId()), vocabulary, CATALOG, trends, query, RULES, CLOCK.millis());
  }

  String modelVersion() {
    return model.version();
  }

  private FeatureState state(String customerId) {
    return customers.getOrDefault(customerId, new FeatureState(SETTINGS.features()));
  }
}
