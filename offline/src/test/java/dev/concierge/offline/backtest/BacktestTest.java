package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The replay discipline of a backtest, on a history small enough to follow by hand. */
class BacktestTest {

  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant SPLIT = Instant.parse("2026-11-10T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-12T00:00:00Z");
  private static final BacktestWindows WINDOWS = new BacktestWindows(FROM, SPLIT, TO);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Catalog CATALOG =
      Catalog.of(Stream.of("A", "B", "C", "X").map(id -> new CatalogItem(id, "shoes", 10, true, id, 0)).toList());
  private static final BacktestSettings SETTINGS = new BacktestSettings(5, Duration.ofDays(1));

  private static final List<CustomerEvent> HISTORY =
      List.of(
          event("before-range", EventType.VIEW, "A", FROM.minus(HOUR)),
          event("train-view", EventType.VIEW, "X", FROM.plus(HOUR)),
          event("train-click", EventType.CLICK, "X", FROM.plus(HOUR.multipliedBy(2))),
          event("test-day-1", EventType.CLICK, "A", SPLIT.plus(HOUR)),
          event("test-day-2", EventType.PURCHASE, "B", SPLIT.plus(Duration.ofDays(1)).plus(HOUR)),
          event("after-range", EventType.CLICK, "C", TO.plus(HOUR)));

  private final Backtest backtest = new Backtest(BacktestFixtures.FEATURES, SETTINGS);

  @Test
  void eachTestWindowLabelIsRankedFromTheStateJustBeforeIt() {
    List<Integer> eventsSeen = new ArrayList<>();
    // recommends exactly what the shopper touched: it would hit every label if the state held the label itself
    BacktestModel lastTouched =
        new BacktestModel("last-touched", SPLIT, vocabulary -> (customer, state, now, limit) -> {
          eventsSeen.add(state.eventCount());
          return touched(state, vocabulary);
        });

    BacktestResult result = backtest.run(HISTORY, CATALOG, WINDOWS, List.of(lastTouched));

    assertEquals(List.of(2, 3), eventsSeen, "the label events are not yet applied, nor anything before the range");
    assertEquals(2, result.cases());
    assertEquals(4, result.replayedEvents());
    ModelMetrics metrics = result.models().get(0);
    assertEquals(0, metrics.quality().hitRate(SETTINGS.maxK()));
    assertEquals(
        List.of(Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z")),
        metrics.overTime().stream().map(TimeBucket::start).toList());
    assertEquals(CATALOG.size(), result.catalogSize());
  }

  @Test
  void everyModelJudgesTheSameCasesAndKeepsItsPlace() {
    BacktestModel alwaysA = fixed("always-A", "A");
    BacktestModel alwaysB = fixed("always-B", "B");

    BacktestResult result = backtest.run(HISTORY, CATALOG, WINDOWS, List.of(alwaysB, alwaysA));

    assertEquals(List.of("always-B", "always-A"), result.models().stream().map(ModelMetrics::name).toList());
    for (ModelMetrics metrics : result.models()) {
      assertEquals(2, metrics.quality().cases());
      assertEquals(0.5, metrics.quality().hitRate(1));
      assertEquals(2, metrics.latency().decisions());
    }
    assertTrue(result.casesPerSecond() > 0);
    assertTrue(result.eventsPerSecond() > 0);
  }

  @Test
  void aModelThatLearntFromTheTestWindowIsRefused() {
    BacktestModel peeking = new BacktestModel("peeking", SPLIT.plusMillis(1), vocabulary -> fixedRanker("A"));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> backtest.run(HISTORY, CATALOG, WINDOWS, List.of(peeking)));
    assertTrue(refused.getMessage().contains("peeking"), refused.getMessage());
  }

  @Test
  void modelsNeedDistinctNamesAndAtLeastOneMustBeGiven() {
    assertThrows(IllegalArgumentException.class,
        () -> backtest.run(HISTORY, CATALOG, WINDOWS, List.of(fixed("m", "A"), fixed("m", "B"))));
    assertThrows(IllegalArgumentException.class, () -> backtest.run(HISTORY, CATALOG, WINDOWS, List.of()));
  }

  @Test
  void theWindowsMustFollowEachOther() {
    assertThrows(IllegalArgumentException.class, () -> new BacktestWindows(SPLIT, SPLIT, TO));
    assertThrows(IllegalArgumentException.class, () -> new BacktestWindows(FROM, TO, SPLIT));
  }

  @Test
  void trainWindowTablesKnowOnlyTheTrainWindow() {
    var tables = Backtest.trainWindowTables(HISTORY, WINDOWS, BacktestFixtures.TABLES);

    assertEquals(List.of("X"), List.copyOf(tables.popularity().keySet()));
  }

  private static BacktestModel fixed(String name, String itemId) {
    return new BacktestModel(name, SPLIT, vocabulary -> fixedRanker(itemId));
  }

  private static Ranker fixedRanker(String itemId) {
    return (customer, state, now, limit) -> List.of(itemId);
  }

  private static List<String> touched(FeatureState state, Vocabulary vocabulary) {
    List<String> items = new ArrayList<>();
    for (int code : state.recentItemCodes()) {
      if (code == FeatureState.EMPTY) {
        break;
      }
      items.add(state.itemName(code, vocabulary));
    }
    return items;
  }

  private static CustomerEvent event(String id, EventType type, String item, Instant at) {
    return CustomerEvent.of(id, "c1", type, item, at);
  }
}
