package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.CandidateTablesBuilder;
import dev.concierge.offline.training.RecommenderFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A simulated storefront and the recommender settings the backtest tests share (those of the recommender tests). */
final class BacktestFixtures {

  static final List<CatalogItem> ITEMS = RecommenderFixtures.ITEMS;
  static final Catalog CATALOG = RecommenderFixtures.CATALOG;
  static final int POPULAR_PER_LIST = RecommenderFixtures.POPULAR_PER_LIST;
  static final int CUSTOMERS = 400;
  static final long EVENTS = 80_000;
  static final double TRAIN_SHARE = 0.8;
  static final FeatureSettings FEATURES = RecommenderFixtures.FEATURES;
  static final Recommender RECOMMENDER = RecommenderFixtures.RECOMMENDER;
  static final CandidateTablesBuilder.Settings TABLES = RecommenderFixtures.TABLES;
  static final BundleTrainer.Settings TRAINING = RecommenderFixtures.TRAINING;
  /** The honest protocol with lists of 20, daily buckets and a thousand resamples, as reference.conf has it. */
  static final BacktestSettings SETTINGS =
      new BacktestSettings(20, Duration.ofDays(1), JudgedCases.HONEST, TRAIN_SHARE, new Bootstrap.Settings(1000, 1));

  private BacktestFixtures() {}

  /** Thirty days of shoppers, the same every run. */
  static List<CustomerEvent> history() {
    return RecommenderFixtures.history(CUSTOMERS, EVENTS);
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
