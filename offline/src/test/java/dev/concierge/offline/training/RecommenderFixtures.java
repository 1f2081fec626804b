package dev.concierge.offline.training;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TestRecommender;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A simulated storefront history and the settings the recommender, training and backtest tests share (and the
 * model hot-swap test and the scorer benchmark): the recommender's are the models' {@link TestRecommender}.
 */
public final class RecommenderFixtures {

  public static final List<CatalogItem> ITEMS = DemoCatalog.generate(1000, 42);
  public static final Catalog CATALOG = Catalog.of(ITEMS);
  public static final int POPULAR_PER_LIST = 100;

  public static final FeatureSettings FEATURES = TestRecommender.FEATURES;
  public static final Recommender RECOMMENDER = TestRecommender.RECOMMENDER;

  public static final CandidateTablesBuilder.Settings TABLES =
      new CandidateTablesBuilder.Settings(
          20, 20, Duration.ofMinutes(30), new CoOccurrence.Settings(20, Duration.ofDays(30), 2),
          new ImplicitFactorisation.Settings(16, 10, 0.5, 10, 7));

  public static final BundleTrainer.Settings TRAINING =
      new BundleTrainer.Settings(0.4, 0.2, TABLES, new TrainingSetBuilder.Settings(4, 7, TrainingSetBuilder.Labels.FIRST_TOUCHES), POPULAR_PER_LIST);

  private RecommenderFixtures() {}

  /** Thirty days of shoppers, the same every run. */
  public static List<CustomerEvent> history(int customers, long events) {
    return simulation(customers, events).stream().toList();
  }

  /** The simulation {@link #history} comes from, with its latent tastes. */
  public static ShopperSimulation simulation(int customers, long events) {
    return ShopperSimulation.of(SimulationSettings.of(customers, events, 11), ITEMS);
  }

  static Instant dayOf(List<CustomerEvent> history, double share) {
    Instant first = history.get(0).timestamp();
    Instant last = history.get(history.size() - 1).timestamp();
    return first.plus(Duration.between(first, last).multipliedBy(Math.round(share * 1000)).dividedBy(1000));
  }
}
