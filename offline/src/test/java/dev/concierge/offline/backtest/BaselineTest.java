package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineTest {

  private static final Instant SPLIT = Instant.parse("2026-11-10T00:00:00Z");
  private static final int LIMIT = 10;
  // D sold best but is out of stock; C was never seen in the train window
  private static final Catalog CATALOG = Catalog.of(List.of(
      item("A", true), item("B", true), item("C", true), item("D", false)));
  private static final CandidateTables TRAIN_TABLES =
      new CandidateTables(Map.of(), Map.of(), Map.of("A", 3.0, "B", 1.0, "D", 5.0));
  private static final BaselineInputs INPUTS = new BaselineInputs(TRAIN_TABLES, SPLIT, CATALOG);

  private final Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
  private final FeatureState shopper = new FeatureState(BacktestFixtures.FEATURES);

  @Test
  void theBaselinesAreKnownByTheirNamesAndJudgedAsBaselinesFromTheSplitOn() {
    assertEquals(List.of("popularity", "recently-viewed", "item-knn"), Baseline.names());
    assertEquals(Optional.of(Baseline.RECENTLY_VIEWED), Baseline.named("recently-viewed"));
    assertEquals(Optional.empty(), Baseline.named("bundles/"));
    for (Baseline baseline : Baseline.values()) {
      BacktestModel model = baseline.model(INPUTS);
      assertEquals(baseline.modelName(), model.name());
      assertTrue(model.baseline());
      assertEquals(SPLIT, model.dataUntil());
    }
  }

  @Test
  void popularityRanksTheWholeInStockCatalogByTheTrainWindow() {
    assertEquals(List.of("A", "B", "C"), rank(Baseline.POPULARITY), "unseen C last, out-of-stock D never");
  }

  @Test
  void neitherBaselineOffersWhatTheShopperBought() {
    apply(EventType.PURCHASE, "A");

    assertEquals(List.of("B", "C"), rank(Baseline.POPULARITY));
    assertEquals(List.of("B", "C"), rank(Baseline.RECENTLY_VIEWED));
  }

  @Test
  void recentlyViewedOffersTheLatestViewsFirstThenTheBestSellers() {
    apply(EventType.VIEW, "C");
    apply(EventType.VIEW, "D");
    apply(EventType.VIEW, "B");

    assertEquals(List.of("B", "C", "A"), rank(Baseline.RECENTLY_VIEWED), "out-of-stock D stays out");
  }

  private List<String> rank(Baseline baseline) {
    return baseline.model(INPUTS).ranker().apply(vocabulary).rank("c1", shopper, SPLIT.toEpochMilli(), LIMIT);
  }

  private void apply(EventType type, String itemId) {
    shopper.apply(CustomerEvent.of(type + itemId, "c1", type, itemId, SPLIT), "gifts", vocabulary,
        BacktestFixtures.FEATURES);
  }

  private static CatalogItem item(String id, boolean inStock) {
    return new CatalogItem(id, "gifts", 10, inStock, id, 0);
  }
}
