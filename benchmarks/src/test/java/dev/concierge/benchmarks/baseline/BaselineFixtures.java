package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.rules.RulesSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A storefront for the baseline's tests: the demo catalog of {@code bin/concierge dev}, simulated
 * shoppers on it, the node's settings from the same configuration, and boosted trees (dev's default
 * model kind) trained on the history.
 */
final class BaselineFixtures {

  static final Config CONCIERGE = ConfigFactory.load().getConfig("concierge");
  static final CustomerSettings SETTINGS = CustomerSettings.fromConfig(CONCIERGE);
  static final BusinessRules RULES = RulesSettings.fromConfig(CONCIERGE.getConfig("rules"));
  static final Recommender RECOMMENDER = new Recommender(SETTINGS.recommender(), SETTINGS.features());
  static final int POPULAR_PER_LIST = CONCIERGE.getInt("recommender.popular-per-list");
  static final int WARM_UP_ROWS = 10;
  static final long HALF_LIFE_MILLIS = CONCIERGE.getDuration("trending.half-life").toMillis();

  private static final int CATALOG_ITEMS = 1000;
  private static final long CATALOG_SEED = 42;
  private static final int CUSTOMERS = 150;
  private static final long EVENTS = 15_000;
  private static final long HISTORY_SEED = 5;

  static final List<CatalogItem> ITEMS = DemoCatalog.generate(CATALOG_ITEMS, CATALOG_SEED);
  static final Catalog CATALOG = Catalog.of(ITEMS);
  static final List<CustomerEvent> HISTORY =
      ShopperSimulation.of(SimulationSettings.of(CUSTOMERS, EVENTS, HISTORY_SEED), ITEMS).stream().toList();
  /** Decisions are made a minute after the last event, so recency features are not all zero. */
  static final Clock CLOCK =
      Clock.fixed(HISTORY.get(HISTORY.size() - 1).timestamp().plus(Duration.ofMinutes(1)), ZoneOffset.UTC);

  private static ModelBundle bundle;

  private BaselineFixtures() {}

  static synchronized ModelBundle bundle() {
    if (bundle == null) {
      Instant until = HISTORY.get(HISTORY.size() - 1).timestamp().plusMillis(1);
      bundle =
          new BundleTrainer(RECOMMENDER, TrainingSettings.fromConfig(CONCIERGE), CLOCK)
              .train(HISTORY, CATALOG, until, ModelTrainer.GRADIENT_BOOSTED_TREES, "test-trees");
    }
    return bundle;
  }

  /** Empty live trends, as a node keeps them ({@code concierge.trending}). */
  static TrendingItems trends() {
    return new TrendingItems(HALF_LIFE_MILLIS, CONCIERGE.getInt("trending.top"));
  }

  /** A vocabulary of one process, sized as configured. */
  static Vocabulary vocabulary() {
    return new Vocabulary(CONCIERGE.getInt("vocabulary.max-items"), CONCIERGE.getInt("vocabulary.max-categories"));
  }

  /** The {@code count} customers with the most events, most first. */
  static List<String> mostActive(int count) {
    Map<String, Long> events =
        HISTORY.stream()
            .collect(Collectors.groupingBy(CustomerEvent::customerId, LinkedHashMap::new, Collectors.counting()));
    return events.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(count)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** What storefronts ask for one shopper: a home page, a product page, and a page that excludes items. */
  static List<DecisionQuery> queries(String customerId) {
    List<CustomerEvent> own = HISTORY.stream().filter(event -> event.customerId().equals(customerId)).toList();
    String lastItem = own.get(own.size() - 1).itemId();
    Set<String> someItems = own.stream().map(CustomerEvent::itemId).limit(3).collect(Collectors.toSet());
    int limit = CONCIERGE.getInt("http.default-decision-limit");
    return List.of(
        new DecisionQuery(customerId, limit, null, List.of(), Set.of()),
        new DecisionQuery(customerId, limit, lastItem, List.of(), Set.of()),
        new DecisionQuery(customerId, limit, null, List.of(), someItems));
  }
}
