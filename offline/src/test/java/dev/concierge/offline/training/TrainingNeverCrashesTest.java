package dev.concierge.offline.training;

import static dev.concierge.offline.training.RecommenderFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.training.RecommenderFixtures.RECOMMENDER;
import static dev.concierge.offline.training.RecommenderFixtures.TRAINING;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
 * Whatever the history, training gives a bundle a node can load, or an {@link UntrainableHistoryException}
 * that says what the history lacks: never Tribuo's, XGBoost's or the compiler's own error. Histories are
 * small and odd: few shoppers and items, any mix of event types, times from the 1990s, sessions or none,
 * prices of 0, negative or huge; catalogs taken from the history, lacking categories and items, or
 * holding none of them; an end of training just after the history or years later.
 */
class TrainingNeverCrashesTest {

  private static final List<String> CUSTOMERS = List.of("u0", "u1", "u2", "u3", "u4", "u5");
  private static final List<String> ITEMS = List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
  private static final Instant START = Instant.parse("1997-09-20T00:00:00Z");
  private static final Instant YEARS_LATER = Instant.parse("2030-01-01T00:00:00Z");
  private static final long SPAN_MILLIS = Duration.ofDays(60).toMillis();
  private static final int MIN_EVENTS = 20;
  private static final int MAX_EVENTS = 80;
  private static final String OUTCOME = "outcome";
  private static final String TRAINED = "trained";
  private static final double MIN_TRAINED_PERCENT = 20;

  @Property(tries = 80)
  void trainingGivesALoadableBundleOrSaysWhatTheHistoryLacks(
      @ForAll("histories") List<CustomerEvent> history,
      @ForAll("catalogs") CatalogChoice choice,
      @ForAll boolean untilYearsLater,
      @ForAll ModelTrainer trainer,
      @ForAll TrainingSetBuilder.Labels labels) {
    // a property that only ever met untrainable histories would train nothing
    Statistics.label(OUTCOME).coverage(coverage -> coverage.check(TRAINED).percentage(share -> share >= MIN_TRAINED_PERCENT));
    Catalog catalog = choice.of(history);
    Instant until = untilYearsLater ? YEARS_LATER : history.get(history.size() - 1).timestamp().plusMillis(1);

    ModelBundle bundle;
    try {
      bundle = new BundleTrainer(RECOMMENDER, training(labels), Clock.systemUTC()).train(history, catalog, until, trainer, "p");
    } catch (UntrainableHistoryException untrainable) {
      Statistics.label(OUTCOME).collect(untrainable.missing().name());
      return;
    }
    Statistics.label(OUTCOME).collect(TRAINED);
    ServingModel.load(bundle, catalog, new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE), POPULAR_PER_LIST);
  }

  private static BundleTrainer.Settings training(TrainingSetBuilder.Labels labels) {
    return new BundleTrainer.Settings(TRAINING.labelShare(), TRAINING.holdoutShare(), TRAINING.tables(),
        new TrainingSetBuilder.Settings(TRAINING.sampling().negativesPerPositive(), TRAINING.sampling().seed(), labels),
        TRAINING.popularPerList(), TRAINING.grid());
  }

  /** Which catalog the history trains under. */
  enum CatalogChoice {
    /** The items of the history, under unknown. */
    FROM_HISTORY {
      @Override
      Catalog of(List<CustomerEvent> history) {
        return RealShapedHistoryTrainingTest.fromHistory(history);
      }
    },
    /** Half the items, without category or price. */
    HALF_WITHOUT_CATEGORIES {
      @Override
      Catalog of(List<CustomerEvent> history) {
        return Catalog.of(ITEMS.subList(0, ITEMS.size() / 2).stream()
            .map(id -> new CatalogItem(id, CatalogItem.UNKNOWN_CATEGORY, 0, true, "", 0))
            .toList());
      }
    },
    /** A catalog that holds none of the history's items. */
    UNRELATED {
      @Override
      Catalog of(List<CustomerEvent> history) {
        return RecommenderFixtures.CATALOG;
      }
    };

    abstract Catalog of(List<CustomerEvent> history);
  }

  @Provide
  Arbitrary<List<CustomerEvent>> histories() {
    Arbitrary<EventType> types = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(EventType.VIEW)), Tuple.of(1, Arbitraries.just(EventType.CLICK)),
        Tuple.of(1, Arbitraries.just(EventType.ADD_TO_CART)), Tuple.of(2, Arbitraries.just(EventType.PURCHASE)));
    Arbitrary<Instant> times = Arbitraries.oneOf(
            Arbitraries.longs().between(0, SPAN_MILLIS), Arbitraries.longs().between(0, Duration.ofMinutes(20).toMillis()))
        .map(START::plusMillis);
    Arbitrary<Double> prices = Arbitraries.oneOf(
            Arbitraries.doubles().between(0.01, 500), Arbitraries.of(0.0, -5.0, 1e300, Double.MAX_VALUE))
        .injectNull(0.5);
    Arbitrary<CustomerEvent> events = Combinators.combine(
            Arbitraries.of(CUSTOMERS), types, Arbitraries.of(ITEMS), times, prices, Arbitraries.of("s1", "s2").injectNull(0.7))
        .as((customer, type, item, at, price, session) ->
            new CustomerEvent(customer + "/" + type + "/" + item + "@" + at, customer, type, item, at, price, 1, session,
                Map.of()));
    // sources give the history in time order
    return events.list().ofMinSize(MIN_EVENTS).ofMaxSize(MAX_EVENTS)
        .map(list -> list.stream().sorted(Comparator.comparing(CustomerEvent::timestamp)).toList());
  }

  @Provide
  Arbitrary<CatalogChoice> catalogs() {
    return Arbitraries.of(CatalogChoice.class);
  }
}
