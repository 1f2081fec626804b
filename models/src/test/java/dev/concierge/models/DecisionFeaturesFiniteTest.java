package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.DecisionFeatures;
import dev.concierge.models.recommend.Neighbour;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.RecommenderFeatures;
import dev.concierge.models.recommend.TableIndex;
import dev.concierge.models.recommend.TrainingSetBuilder;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.recommend.UntrainableHistoryException;
import dev.concierge.models.scoring.TrainingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the history, the catalog and the tables hold, the feature builder gives finite numbers: Tribuo
 * refuses NaN, and an infinite feature would swamp a linear model. Histories mix event types, items the
 * catalog lacks, prices of 0, negative, huge and not-a-number, quantities the contract refuses, and times
 * from the 1990s to the ends of what a timestamp holds; catalogs have items without a price or with absurd
 * ones; tables and trends hold their extremes.
 */
class DecisionFeaturesFiniteTest {

  private static final List<String> ITEMS = List.of("i0", "i1", "i2", "i3", "i4", "i5");
  // an item no catalog or table holds
  private static final String GHOST = "ghost";
  private static final List<String> CATEGORIES = List.of("c0", "c1", CatalogItem.UNKNOWN_CATEGORY);
  private static final List<String> CUSTOMERS = List.of("u0", "u1", "u2");
  private static final Instant NINETIES_START = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant NINETIES_END = Instant.parse("2000-01-01T00:00:00Z");
  private static final int MAX_EVENTS = 40;
  private static final int POPULAR_PER_LIST = 5;
  private static final String OUTCOME = "outcome";
  private static final String TRAINED = "rows built";
  private static final double MIN_TRAINED_PERCENT = 10;

  private static final FeatureSettings FEATURES = Fixtures.settings();
  private static final Recommender RECOMMENDER = new Recommender(new Recommender.Settings(50, 5, 2, 5, 3, 2, 5), FEATURES);

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

  @Property(tries = 300)
  void trainingRowsAreFiniteOrTheHistoryIsReportedUntrainable(
      @ForAll("histories") List<CustomerEvent> history,
      @ForAll("catalogs") List<CatalogItem> items,
      @ForAll("tables") CandidateTables tables,
      @ForAll("timestamps") Instant labelsFrom) {
    List<CustomerEvent> inTimeOrder = history.stream().sorted(Comparator.comparing(CustomerEvent::timestamp)).toList();
    // every click and purchase a label: more random histories build rows, and rows of items the shopper
    // touched set the features first touches leave at zero (the labels pick rows, not how they are computed)
    TrainingSetBuilder builder =
        new TrainingSetBuilder(RECOMMENDER, new TrainingSetBuilder.Settings(4, 7, TrainingSetBuilder.Labels.ALL));

    // a property that only ever met untrainable histories would check no row
    Statistics.label(OUTCOME).coverage(coverage -> coverage.check(TRAINED).percentage(share -> share >= MIN_TRAINED_PERCENT));
    TrainingSet rows;
    try {
      rows = builder.build(inTimeOrder, Catalog.of(items), tables, labelsFrom, Instant.MAX, POPULAR_PER_LIST);
    } catch (UntrainableHistoryException untrainable) {
      Statistics.label(OUTCOME).collect(untrainable.missing().name());
      return;
    }
    Statistics.label(OUTCOME).collect(TRAINED);
    for (double[] row : rows.rows()) {
      assertFinite(row);
    }
  }

  private static void assertFinite(double[] row) {
    for (int f = 0; f < row.length; f++) {
      String feature = RecommenderFeatures.SCHEMA.names().get(f) + " = " + row[f];
      assertTrue(Double.isFinite(row[f]), feature);
    }
  }

  /** No page item, and each catalog item as the page's. */
  private static List<CatalogItem> contexts(List<CatalogItem> items) {
    List<CatalogItem> contexts = new java.util.ArrayList<>(items);
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
  Arbitrary<List<CustomerEvent>> histories() {
    Arbitrary<CustomerEvent> events = Combinators.combine(
            Arbitraries.of(CUSTOMERS), Arbitraries.of(EventType.interactions()), itemIds(), timestamps(),
            prices().injectNull(0.3), quantities(), Arbitraries.of("s1", "s2").injectNull(0.5))
        .as((customer, type, item, at, price, quantity, session) ->
            new CustomerEvent(customer + "/" + type + "/" + item + "@" + at, customer, type, item, at, price, quantity,
                session, Map.of()));
    return events.list().ofMaxSize(MAX_EVENTS);
  }

  @Provide
  Arbitrary<List<CatalogItem>> catalogs() {
    Arbitrary<CatalogItem> items = Combinators.combine(
            Arbitraries.of(ITEMS), Arbitraries.of(CATEGORIES), prices(), Arbitraries.doubles().between(0, 1e9))
        .as((id, category, price, popularity) -> new CatalogItem(id, category, price, true, "", popularity));
    return items.list().ofMinSize(1).ofMaxSize(ITEMS.size()).uniqueElements(CatalogItem::itemId);
  }

  @Provide
  Arbitrary<CandidateTables> tables() {
    Arbitrary<List<Neighbour>> neighbours = Combinators.combine(
            Arbitraries.of(ITEMS),
            Arbitraries.oneOf(Arbitraries.floats().between(0, 1).ofScale(4).filter(w -> w > 0), Arbitraries.of(Float.MIN_VALUE, 1f)))
        .as(Neighbour::new)
        .list().ofMaxSize(ITEMS.size());
    Arbitrary<Map<String, List<Neighbour>>> table = Arbitraries.maps(Arbitraries.of(ITEMS), neighbours).ofMaxSize(ITEMS.size());
    Arbitrary<Double> counts = Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1e6), Arbitraries.of(0.0, Double.MIN_VALUE, 1e300, Double.MAX_VALUE));
    Arbitrary<Map<String, Double>> popularity =
        Arbitraries.maps(Arbitraries.of(ITEMS), counts).ofMaxSize(ITEMS.size()).map(HashMap::new);
    return Combinators.combine(table, table, popularity).as(CandidateTables::new);
  }

  @Provide
  Arbitrary<List<Trend>> trends() {
    return Combinators.combine(itemIds(), Arbitraries.doubles().between(0, FEATURES.weightOf(EventType.PURCHASE)), timestamps())
        .as(Trend::new)
        .list().ofMaxSize(MAX_EVENTS);
  }

  @Provide
  Arbitrary<Instant> timestamps() {
    Arbitrary<Instant> nineties = Arbitraries.longs()
        .between(NINETIES_START.toEpochMilli(), NINETIES_END.toEpochMilli())
        .map(Instant::ofEpochMilli);
    Arbitrary<Instant> anyMillis = Arbitraries.longs()
        .between(EventTime.EARLIEST_MILLIS, EventTime.LATEST_MILLIS)
        .map(Instant::ofEpochMilli);
    Arbitrary<Instant> edges = Arbitraries.of(
        Instant.MIN, Instant.MAX, Instant.EPOCH, NINETIES_START, Instant.parse("2026-11-26T10:00:00Z"),
        Instant.ofEpochMilli(EventTime.LATEST_MILLIS), Instant.ofEpochMilli(EventTime.EARLIEST_MILLIS));
    return Arbitraries.frequencyOf(Tuple.of(4, nineties), Tuple.of(1, anyMillis), Tuple.of(2, edges));
  }

  private static Arbitrary<String> itemIds() {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(ITEMS)), Tuple.of(1, Arbitraries.just(GHOST)));
  }

  // beyond what the event contract lets in: a producer's mistakes must not reach a model as NaN
  private static Arbitrary<Double> prices() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.of(
            0.0, -0.0, -1.0, Double.MIN_VALUE, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
  }

  private static Arbitrary<Integer> quantities() {
    return Arbitraries.oneOf(Arbitraries.integers().between(1, 100), Arbitraries.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
  }
}
