package dev.concierge.offline.backtest;

import static dev.concierge.offline.backtest.BacktestFixtures.CATALOG;
import static dev.concierge.offline.backtest.BacktestFixtures.FEATURES;
import static dev.concierge.offline.backtest.BacktestFixtures.ITEMS;
import static dev.concierge.offline.backtest.BacktestFixtures.TABLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.offline.training.CandidateTablesBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plants an item that only the future knows: in the test window every customer buys it exactly once
 * (a purchase weighs most in popularity, so it becomes the best seller), and nobody touched it
 * before, so every one of those purchases is a case of the honest protocol. A model that learnt from
 * the test window ranks it first for everybody and collects those purchases as hits; a properly split
 * one cannot know it. The leaky variant is run too, so that the check is shown to bite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestLeakageTest {

  private static final String PLANTED = "planted-future-hit";
  private static final int TOP = 10;
  // leaking must add at least half the planted purchases as hits to count as inflated
  private static final double INFLATION = 0.5;

  private final Catalog catalog = CATALOG.withChanges(
      List.of(new CatalogItem(PLANTED, ITEMS.get(0).category(), ITEMS.get(0).price(), true, "Planted", 0)), List.of());
  private final Backtest backtest = new Backtest(FEATURES, BacktestFixtures.SETTINGS);
  private List<CustomerEvent> history;
  private BacktestWindows windows;
  private long plantedPurchases;
  private double cleanHits;

  @BeforeAll
  void plantTheFutureAndMeasureWithoutIt() {
    List<CustomerEvent> simulated = BacktestFixtures.history();
    windows = BacktestFixtures.windows(simulated);
    cleanHits = hits(backtest.run(simulated, catalog, windows, List.of(popularity(properTables(simulated)))));
    history = withPlantedPurchases(simulated);
    plantedPurchases = history.size() - simulated.size();
  }

  @Test
  void tablesFromTheTrainWindowCannotKnowThePlantedItem() {
    LongAdder plantedShown = new LongAdder();

    BacktestResult result =
        backtest.run(history, catalog, windows, List.of(counting(popularity(properTables(history)), plantedShown)));

    System.out.println(report("proper", result));
    assertEquals(0, plantedShown.sum(), "the planted item was recommended before anyone had touched it");
    assertTrue(hits(result) < cleanHits + INFLATION * plantedPurchases, report("proper", result));
  }

  @Test
  void theBaselinesTablesAreBuiltFromTheTrainWindowAlone() {
    List<CustomerEvent> trainWindow =
        history.stream().filter(event -> event.timestamp().isBefore(windows.split())).toList();

    // neighbours of every kind, embeddings and popularity: the test window changes none of them
    assertEquals(properTables(trainWindow), properTables(history));
  }

  @Test
  void itemKnnFromTheTrainWindowCannotKnowThePlantedItem() {
    LongAdder plantedShown = new LongAdder();
    BacktestModel itemKnn =
        Baseline.ITEM_KNN.model(new BaselineInputs(properTables(history), windows.split(), catalog));

    backtest.run(history, catalog, windows, List.of(counting(itemKnn, plantedShown)));

    assertEquals(0, plantedShown.sum(), "the planted item was recommended before anyone had touched it");
  }

  @Test
  void tablesThatSawTheTestWindowInflateTheHitRate() {
    LongAdder plantedShown = new LongAdder();
    CandidateTablesBuilder builder = new CandidateTablesBuilder(TABLES);
    history.forEach(builder::add);
    // the bug this test guards against: tables over the whole history, declared as the train window's
    BacktestModel leaky = popularity(builder.build());

    BacktestResult result = backtest.run(history, catalog, windows, List.of(counting(leaky, plantedShown)));

    System.out.println(report("leaky", result));
    assertTrue(plantedShown.sum() > 0);
    assertTrue(hits(result) >= cleanHits + INFLATION * plantedPurchases, report("leaky", result));
  }

  private List<CustomerEvent> withPlantedPurchases(List<CustomerEvent> simulated) {
    List<String> customers = simulated.stream().map(CustomerEvent::customerId).distinct().sorted().toList();
    Duration testWindow = Duration.between(windows.split(), windows.to());
    List<CustomerEvent> planted = new ArrayList<>(simulated);
    for (int i = 0; i < customers.size(); i++) {
      // spread over the test window, so the planted purchases are interleaved with real ones
      planted.add(CustomerEvent.of("planted-" + i, customers.get(i), EventType.PURCHASE, PLANTED,
          windows.split().plus(testWindow.multipliedBy(i).dividedBy(customers.size()))));
    }
    planted.sort(Comparator.comparing(CustomerEvent::timestamp));
    return planted;
  }

  private CandidateTables properTables(List<CustomerEvent> events) {
    return Backtest.trainWindowTables(events, windows, TABLES);
  }

  private BacktestModel popularity(CandidateTables tables) {
    return Baseline.POPULARITY.model(new BaselineInputs(tables, windows.split(), catalog));
  }

  private static BacktestModel counting(BacktestModel model, LongAdder plantedShown) {
    return new BacktestModel(model.name(), model.dataUntil(), vocabulary -> {
      Ranker ranker = model.ranker().apply(vocabulary);
      return (customer, state, now, limit) -> {
        List<String> ranked = ranker.rank(customer, state, now, limit);
        if (ranked.subList(0, Math.min(TOP, ranked.size())).contains(PLANTED)) {
          plantedShown.increment();
        }
        return ranked;
      };
    });
  }

  private static double hits(BacktestResult result) {
    ModelMetrics metrics = result.models().get(0);
    return metrics.quality().hitRate(TOP) * metrics.quality().cases();
  }

  private String report(String variant, BacktestResult result) {
    return String.format(Locale.ROOT, "%s: %.0f hits@%d of %d cases; %.0f without the %d planted purchases",
        variant, hits(result), TOP, result.cases(), cleanHits, plantedPurchases);
  }
}
