package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.Neighbour;
import dev.concierge.models.recommend.RecommenderFeatures;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * What the feature code meets at its worst, for the properties that it stays finite: here for serving's
 * features ({@link DecisionFeaturesFiniteTest}), in offline for training's rows. Histories mix event types,
 * items the catalog lacks, prices of 0, negative, huge and not-a-number, quantities the contract refuses, and
 * times from the 1990s to the ends of what a timestamp holds; catalogs have items without a price or with
 * absurd ones; tables hold their extremes.
 */
public abstract class ExtremeDecisionInputs {

  private static final List<String> ITEMS = List.of("i0", "i1", "i2", "i3", "i4", "i5");
  // an item no catalog or table holds
  private static final String GHOST = "ghost";
  private static final List<String> CATEGORIES = List.of("c0", "c1", CatalogItem.UNKNOWN_CATEGORY);
  private static final List<String> CUSTOMERS = List.of("u0", "u1", "u2");
  private static final Instant NINETIES_START = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant NINETIES_END = Instant.parse("2000-01-01T00:00:00Z");
  protected static final int MAX_EVENTS = 40;
  protected static final int POPULAR_PER_LIST = 5;

  protected static final FeatureSettings FEATURES = Fixtures.settings();

  /** Fails naming the first feature of the row that is not finite. */
  protected static void assertFinite(double[] row) {
    for (int f = 0; f < row.length; f++) {
      String feature = RecommenderFeatures.SCHEMA.names().get(f) + " = " + row[f];
      assertTrue(Double.isFinite(row[f]), feature);
    }
  }

  @Provide
  public Arbitrary<List<CustomerEvent>> histories() {
    Arbitrary<CustomerEvent> events = Combinators.combine(
            Arbitraries.of(CUSTOMERS), Arbitraries.of(EventType.interactions()), itemIds(), timestamps(),
            prices().injectNull(0.3), quantities(), Arbitraries.of("s1", "s2").injectNull(0.5))
        .as((customer, type, item, at, price, quantity, session) ->
            new CustomerEvent(customer + "/" + type + "/" + item + "@" + at, customer, type, item, at, price, quantity,
                session, Map.of()));
    return events.list().ofMaxSize(MAX_EVENTS);
  }

  @Provide
  public Arbitrary<List<CatalogItem>> catalogs() {
    Arbitrary<CatalogItem> items = Combinators.combine(
            Arbitraries.of(ITEMS), Arbitraries.of(CATEGORIES), prices(), Arbitraries.doubles().between(0, 1e9))
        .as((id, category, price, popularity) -> new CatalogItem(id, category, price, true, "", popularity));
    return items.list().ofMinSize(1).ofMaxSize(ITEMS.size()).uniqueElements(CatalogItem::itemId);
  }

  @Provide
  public Arbitrary<CandidateTables> tables() {
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
  public Arbitrary<Instant> timestamps() {
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

  protected static Arbitrary<String> itemIds() {
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
