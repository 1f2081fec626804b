package dev.concierge.models.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.recommend.BundleTrainer;
import dev.concierge.models.recommend.CandidateTablesBuilder;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrainingSetBuilder;
import dev.concierge.models.simulation.ShopperSimulation;
import dev.concierge.models.simulation.SimulationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A simulated storefront and the recommender settings the backtest tests share (as the recommender tests use). */
final class BacktestFixtures {

  static final List<CatalogItem> ITEMS = DemoCatalog.generate(1000, 42);
  static final Catalog CATALOG = Catalog.of(ITEMS);
  static final int POPULAR_PER_LIST = 100;
  static final int CUSTOMERS = 400;
  static final long EVENTS = 80_000;
  static final double TRAIN_SHARE = 0.8;

  static final FeatureSettings FEATURES =
      new FeatureSettings(
          Duration.ofDays(7), 10, 20,
          Map.of(EventType.VIEW, 1.0, EventType.CLICK, 2.0, EventType.ADD_TO_CART, 4.0, EventType.PURCHASE, 8.0),
          Duration.ofMinutes(30), 8, 4);

  static final Recommender RECOMMENDER =
      new Recommender(new Recommender.Settings(300, 20, 3, 30, 20, 2), FEATURES);

  static final CandidateTablesBuilder.Settings TABLES =
      new CandidateTablesBuilder.Settings(20, 20, Duration.ofMinutes(30));

  static final BundleTrainer.Settings TRAINING =
      new BundleTrainer.Settings(0.4, 0.2, TABLES, new TrainingSetBuilder.Settings(4, 7), POPULAR_PER_LIST);

  private BacktestFixtures() {}

  /** Thirty days of shoppers, the same every run. */
  static List<CustomerEvent> history() {
    return ShopperSimulation.of(SimulationSettings.of(CUSTOMERS, EVENTS, 11), ITEMS).stream().toList();
  }

  /** The first event to just past the last, split after {@link #TRAIN_SHARE} of the time. */
  static BacktestWindows windows(List<CustomerEvent> history) {
    Instant first = history.get(0).timestamp();
    Instant end = history.get(history.size() - 1).timestamp().plusMillis(1);
    long permille = Math.round(TRAIN_SHARE * 1000);
    Instant split = first.plus(Duration.between(first, end).multipliedBy(permille).dividedBy(1000));
    return new BacktestWindows(first, split, end);
  }
}
