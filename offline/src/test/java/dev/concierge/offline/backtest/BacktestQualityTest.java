package dev.concierge.offline.backtest;

import static dev.concierge.offline.backtest.BacktestFixtures.CATALOG;
import static dev.concierge.offline.backtest.BacktestFixtures.FEATURES;
import static dev.concierge.offline.backtest.BacktestFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.backtest.BacktestFixtures.RECOMMENDER;
import static dev.concierge.offline.backtest.BacktestFixtures.TABLES;
import static dev.concierge.offline.backtest.BacktestFixtures.TRAINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.HitRate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A trained bundle and both baselines, judged together on the later part of a simulated history: every
 * click and purchase, repeats included, as served lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestQualityTest {

  private static final int TOP = 10;
  private static final int ENOUGH_CASES = 1_000;
  private static final JudgedCases EVERY_CLICK_AND_PURCHASE = new JudgedCases(true, true);
  // the live candidates ranked by popularity, as HitRate measures it
  private static final String SERVED_POPULARITY = "served-popularity";

  private List<CustomerEvent> history;
  private BacktestWindows windows;
  private CandidateTables tables;
  private BacktestResult result;

  @BeforeAll
  void backtestABundleAgainstTheBaselines() {
    history = BacktestFixtures.history();
    windows = BacktestFixtures.windows(history);
    tables = Backtest.trainWindowTables(history, windows, TABLES);
    ModelBundle bundle =
        new BundleTrainer(RECOMMENDER, TRAINING, Clock.systemUTC())
            .train(history, CATALOG, windows.split(), ModelTrainer.LOGISTIC_REGRESSION, "lr-test");
    BaselineInputs baselines = new BaselineInputs(tables, windows.split(), CATALOG);
    result =
        new Backtest(FEATURES, BacktestFixtures.SETTINGS.judging(EVERY_CLICK_AND_PURCHASE))
            .run(history, CATALOG, windows, List.of(
                Baseline.POPULARITY.model(baselines),
                Baseline.RECENTLY_VIEWED.model(baselines),
                Baseline.ITEM_KNN.model(baselines),
                BacktestModel.served(SERVED_POPULARITY, windows.split(), RECOMMENDER, CATALOG,
                    vocabulary -> ServingModel.popularity(tables, CATALOG, vocabulary, POPULAR_PER_LIST)),
                BacktestModel.of(bundle, RECOMMENDER, CATALOG, POPULAR_PER_LIST)));
    result.models().forEach(model -> System.out.println(summary(model)));
    System.out.printf(Locale.ROOT, "%d cases, %.0f cases/s, %.0f events/s%n",
        result.cases(), result.casesPerSecond(), result.eventsPerSecond());
  }

  @Test
  void theTrainedModelBeatsPopularityBeyondTheNoise() {
    ModelMetrics popularity = model(Baseline.POPULARITY.modelName());
    ModelMetrics trained = model("lr-test");

    assertTrue(result.cases() > ENOUGH_CASES, "enough held-out cases to judge: " + result.cases());
    assertTrue(trained.quality().hitRate(TOP) > popularity.quality().hitRate(TOP),
        summary(trained) + " vs " + summary(popularity));
    assertTrue(trained.quality().ndcg(TOP) > popularity.quality().ndcg(TOP));
    assertTrue(trained.quality().mrr() > popularity.quality().mrr());
    Lift lift = lift(trained, Baseline.POPULARITY.modelName());
    assertTrue(lift.ratio().low() > 1, "the lift's interval lies above 1: " + lift);
    assertTrue(trained.headlineHitRate().low() > popularity.headlineHitRate().high());
  }

  @Test
  void everyModelHasALiftOverEachBaselineButItself() {
    for (ModelMetrics model : result.models()) {
      List<String> over = model.lifts().stream().map(Lift::baseline).toList();
      List<String> expected = Baseline.names().stream().filter(name -> !name.equals(model.name())).toList();
      assertEquals(expected, over, model.name());
      for (Lift lift : model.lifts()) {
        double ratio = model.quality().hitRate(TOP) / model(lift.baseline()).quality().hitRate(TOP);
        assertEquals(ratio, lift.ratio().estimate(), 1e-9);
        assertTrue(lift.ratio().contains(ratio), lift.toString());
      }
      assertEquals(model.quality().hitRate(TOP), model.headlineHitRate().estimate(), 1e-12);
    }
  }

  @Test
  void agreesWithTheSingleModelHitRate() {
    HitRate single =
        HitRate.evaluate(history, CATALOG, RECOMMENDER,
            vocabulary -> ServingModel.popularity(tables, CATALOG, vocabulary, POPULAR_PER_LIST),
            windows.split(), windows.to(), TOP);

    ModelMetrics popularity = model(SERVED_POPULARITY);
    assertEquals(single.cases(), popularity.quality().cases());
    assertEquals(single.rate(), popularity.quality().hitRate(TOP), 1e-9);
  }

  @Test
  void everyMetricIsMeasuredForEveryModel() {
    for (ModelMetrics model : result.models()) {
      assertEquals(result.cases(), model.quality().cases());
      assertEquals(BacktestFixtures.SETTINGS.maxK(), model.quality().maxK());
      for (int k = 2; k <= model.quality().maxK(); k++) {
        assertTrue(model.quality().hitRate(k) >= model.quality().hitRate(k - 1), "HR@K never falls as K grows");
        assertTrue(model.quality().ndcg(k) <= model.quality().hitRate(k), "NDCG@K is at most HR@K");
        assertTrue(model.coverage(k) >= model.coverage(k - 1) && model.coverage(k) <= 1);
      }
      assertTrue(model.coverage(TOP) > 0);
      assertTrue(model.latency().p50() > 0 && model.latency().p50() <= model.latency().p99());
      assertTrue(model.latency().p99() <= model.latency().max());
      assertTrue(model.overTime().size() >= 2, "the test window spans several days");
      assertEquals(result.cases(), model.overTime().stream().mapToLong(bucket -> bucket.quality().cases()).sum());
    }
    assertTrue(result.casesPerSecond() > 0);
  }

  private static Lift lift(ModelMetrics model, String baseline) {
    return model.lifts().stream().filter(lift -> lift.baseline().equals(baseline)).findFirst().orElseThrow();
  }

  private ModelMetrics model(String name) {
    return result.models().stream().filter(model -> model.name().equals(name)).findFirst().orElseThrow();
  }

  private static String summary(ModelMetrics model) {
    return String.format(Locale.ROOT, "%s HR@%d %.3f NDCG@%d %.3f MRR %.3f coverage@%d %.3f p50 %d ns p99 %d ns",
        model.name(), TOP, model.quality().hitRate(TOP), TOP, model.quality().ndcg(TOP), model.quality().mrr(),
        TOP, model.coverage(TOP), model.latency().p50(), model.latency().p99());
  }
}
