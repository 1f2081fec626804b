package dev.concierge.offline.backtest;

import static dev.concierge.offline.backtest.BacktestFixtures.CATALOG;
import static dev.concierge.offline.backtest.BacktestFixtures.FEATURES;
import static dev.concierge.offline.backtest.BacktestFixtures.TABLES;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.training.RecommenderFixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On simulated history the simulator's oracle is the ceiling of the baselines: the shoppers buy and
 * click by taste, not merely what they viewed last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OracleBacktestTest {

  private static final int TOP = 10;
  private static final int ENOUGH_CASES = 100;

  private List<CustomerEvent> history;
  private BacktestWindows windows;
  private List<BacktestModel> models;

  @BeforeAll
  void simulate() {
    // as many events per shopper as the default simulation (bin/concierge dev's)
    ShopperSimulation simulation = RecommenderFixtures.simulation(500, 50_000);
    history = simulation.stream().toList();
    windows = BacktestFixtures.windows(history);
    BaselineInputs baselines = BaselineInputs.of(history, windows, CATALOG, TABLES);
    models = List.of(
        Baseline.POPULARITY.model(baselines),
        Baseline.RECENTLY_VIEWED.model(baselines),
        BacktestModel.oracle(simulation.tastes(), windows.from(), CATALOG));
  }

  @Test
  void onPurchasesOfUntouchedItemsTheOracleLiftsClearlyOverPopularity() {
    BacktestResult result = run(JudgedCases.HONEST);

    ModelMetrics oracle = model(result, BacktestModel.ORACLE);
    Lift overPopularity = oracle.lifts().stream()
        .filter(lift -> lift.baseline().equals(Baseline.POPULARITY.modelName())).findFirst().orElseThrow();
    assertTrue(result.cases() > ENOUGH_CASES, "purchases without a touch before: " + result.cases());
    assertTrue(overPopularity.ratio().low() > 2, "the lift's interval lies above 2: " + overPopularity);
  }

  @Test
  void onEveryClickAndPurchaseTheOracleRanksAboveRecentlyViewed() {
    BacktestResult result = run(new JudgedCases(true, true));

    double oracle = model(result, BacktestModel.ORACLE).quality().hitRate(TOP);
    double recentlyViewed = model(result, Baseline.RECENTLY_VIEWED.modelName()).quality().hitRate(TOP);
    String measured = String.format(Locale.ROOT, "HR@%d oracle %.3f, recently-viewed %.3f", TOP, oracle, recentlyViewed);
    System.out.println(measured);
    assertTrue(oracle > 1.2 * recentlyViewed, measured);
  }

  private BacktestResult run(JudgedCases judged) {
    return new Backtest(FEATURES, BacktestFixtures.SETTINGS.judging(judged)).run(history, CATALOG, windows, models);
  }

  private static ModelMetrics model(BacktestResult result, String name) {
    return result.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }
}
