package dev.concierge.offline.backtest;

import static dev.concierge.offline.backtest.BacktestFixtures.CATALOG;
import static dev.concierge.offline.backtest.BacktestFixtures.FEATURES;
import static dev.concierge.offline.backtest.BacktestFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.backtest.BacktestFixtures.RECOMMENDER;
import static dev.concierge.offline.backtest.BacktestFixtures.TABLES;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.training.RecommenderFixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * On simulated history the simulator's oracle is the ceiling of the baselines: clicks and purchases
 * follow the shoppers' tastes, not merely what they viewed last.
 */
class OracleBacktestTest {

  private static final int TOP = 10;

  @Test
  void theOracleRanksAboveRecentlyViewedAndPopularity() {
    // as many events per shopper as the default simulation (bin/concierge dev's)
    ShopperSimulation simulation = RecommenderFixtures.simulation(500, 50_000);
    List<CustomerEvent> history = simulation.stream().toList();
    BacktestWindows windows = BacktestFixtures.windows(history);
    CandidateTables tables = Backtest.trainWindowTables(history, windows, TABLES);

    BacktestResult result = new Backtest(FEATURES, BacktestSettings.DEFAULT).run(history, CATALOG, windows, List.of(
        BacktestModel.popularity(tables, windows.split(), RECOMMENDER, CATALOG, POPULAR_PER_LIST),
        BacktestModel.recentlyViewed(tables, windows.split(), CATALOG, POPULAR_PER_LIST),
        BacktestModel.oracle(simulation.tastes(), windows.from(), CATALOG)));

    RankQuality popularity = quality(result, BacktestModel.POPULARITY);
    RankQuality recentlyViewed = quality(result, BacktestModel.RECENTLY_VIEWED);
    RankQuality oracle = quality(result, BacktestModel.ORACLE);
    String measured = String.format(Locale.ROOT, "HR@%d oracle %.3f, recently-viewed %.3f, popularity %.3f",
        TOP, oracle.hitRate(TOP), recentlyViewed.hitRate(TOP), popularity.hitRate(TOP));
    System.out.println(measured);
    assertTrue(oracle.hitRate(TOP) > 1.2 * recentlyViewed.hitRate(TOP), measured);
    assertTrue(oracle.hitRate(TOP) > 2 * popularity.hitRate(TOP), measured);
  }

  private static RankQuality quality(BacktestResult result, String model) {
    return result.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow().quality();
  }
}
