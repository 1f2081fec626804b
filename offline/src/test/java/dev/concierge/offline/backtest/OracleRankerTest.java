package dev.concierge.offline.backtest;

import static dev.concierge.offline.backtest.BacktestFixtures.CATALOG;
import static dev.concierge.offline.backtest.BacktestFixtures.FEATURES;
import static dev.concierge.offline.backtest.BacktestFixtures.ITEMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.offline.simulation.LatentTastes;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OracleRankerTest {

  private static final LatentTastes TASTES =
      ShopperSimulation.of(SimulationSettings.of(10, 0, 4), ITEMS).tastes();
  private static final Instant NOW = Instant.parse("2026-10-10T00:00:00Z");

  private final Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
  private final Ranker oracle = BacktestModel.oracle(TASTES, NOW, CATALOG).ranker().apply(vocabulary);

  @Test
  void itRanksTheInStockCatalogByTheShoppersLatentUtility() {
    int shopper = TASTES.shopperIndex("sim-c-3");

    List<String> ranked = oracle.rank("sim-c-3", new FeatureState(FEATURES), NOW.toEpochMilli(), 10);

    assertEquals(byUtility(shopper).limit(10).toList(), ranked);
  }

  @Test
  void boughtItemsLeaveTheListAndTheNextOneMovesUp() {
    FeatureState state = new FeatureState(FEATURES);
    List<String> before = oracle.rank("sim-c-5", state, NOW.toEpochMilli(), 10);
    String best = before.get(0);
    state.apply(new CustomerEvent("e-1", "sim-c-5", EventType.PURCHASE, best, NOW, 10.0, 1, "s-1", Map.of()),
        CATALOG.item(best).category(), vocabulary, FEATURES);

    List<String> after = oracle.rank("sim-c-5", state, NOW.toEpochMilli(), 10);

    assertFalse(after.contains(best));
    assertEquals(before.subList(1, 10), after.subList(0, 9));
    assertEquals(byUtility(TASTES.shopperIndex("sim-c-5")).skip(10).findFirst().orElseThrow(), after.get(9));
  }

  @Test
  void aCustomerTheSimulationNeverHadIsRefusedByName() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> oracle.rank("someone-else", new FeatureState(FEATURES), NOW.toEpochMilli(), 10));

    assertTrue(refused.getMessage().contains("someone-else"), refused.getMessage());
  }

  private static Stream<String> byUtility(int shopper) {
    return IntStream.range(0, TASTES.itemCount())
        .boxed()
        .filter(item -> CATALOG.item(TASTES.itemId(item)).inStock())
        .sorted(Comparator.comparingDouble((Integer item) -> TASTES.utility(shopper, item)).reversed())
        .map(TASTES::itemId);
  }
}
