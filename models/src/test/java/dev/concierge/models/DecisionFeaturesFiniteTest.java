package dev.concierge.models;

import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.DecisionFeatures;
import dev.concierge.models.recommend.RecommenderFeatures;
import dev.concierge.models.recommend.TableIndex;
import dev.concierge.models.recommend.TrendingItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the history, the catalog, the tables and the trends hold, the feature builder gives finite
 * numbers: Tribuo refuses NaN, and an infinite feature would swamp a linear model. The training rows are
 * held to the same in offline ({@code TrainingRowsFiniteTest}), on the same {@link ExtremeDecisionInputs}.
 */
class DecisionFeaturesFiniteTest extends ExtremeDecisionInputs {

  @Property(tries = 300)
  void everyFeatureOfEveryCandidateIsFinite(
      @ForAll("histories") List<CustomerEvent> history,
      @ForAll("catalogs") List<CatalogItem> items,
      @ForAll("tables") CandidateTables tables,
      @ForAll("trends") List<Trend> trends,
      @ForAll("timestamps") Instant now) {
    Catalog catalog = Catalog.of(items);
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    TableIndex index = TableIndex.of(tables, catalog, vocabulary, POPULAR_PER_LIST);
    FeatureState state = new FeatureState(FEATURES);
    history.forEach(event -> state.apply(event, catalog.categoryOf(event.itemId()), vocabulary, FEATURES));
    TrendingItems trending = trending(trends, vocabulary);

    double[] row = new double[RecommenderFeatures.SCHEMA.size()];
    for (CatalogItem context : contexts(items)) {
      DecisionFeatures features =
          new DecisionFeatures(state, vocabulary, index, trending, context, EventTime.millisOf(now), FEATURES);
      for (CatalogItem candidate : items) {
        features.fill(candidate, row);
        assertFinite(row);
      }
    }
  }

  /** No page item, and each catalog item as the page's. */
  private static List<CatalogItem> contexts(List<CatalogItem> items) {
    List<CatalogItem> contexts = new ArrayList<>(items);
    contexts.add(null);
    return contexts;
  }

  /** An interaction recorded in the node's trends. */
  record Trend(String itemId, double weight, Instant at) {}

  private static TrendingItems trending(List<Trend> trends, Vocabulary vocabulary) {
    if (trends.isEmpty()) {
      return null;
    }
    TrendingItems trending = new TrendingItems(Duration.ofHours(1).toMillis(), POPULAR_PER_LIST);
    for (Trend trend : trends) {
      trending.record(vocabulary.items().intern(trend.itemId()), trend.weight(), EventTime.millisOf(trend.at()));
    }
    trending.refreshTop();
    return trending;
  }

  @Provide
  Arbitrary<List<Trend>> trends() {
    return Combinators.combine(itemIds(), Arbitraries.doubles().between(0, FEATURES.weightOf(EventType.PURCHASE)), timestamps())
        .as(Trend::new)
        .list().ofMaxSize(MAX_EVENTS);
  }
}
