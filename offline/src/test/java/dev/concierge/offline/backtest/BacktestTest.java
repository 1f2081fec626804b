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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The replay discipline and the judging protocol of a backtest, on histories small enough to follow by hand. */
class BacktestTest {

  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant SPLIT = Instant.parse("2026-11-10T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-12T00:00:00Z");
  private static final BacktestWindows WINDOWS = new BacktestWindows(FROM, SPLIT, TO);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Catalog CATALOG = catalog(Stream.of("A", "B", "C", "X"));
  private static final int MAX_K = BacktestSettings.HEADLINE_K;
  private static final BacktestSettings HONEST =
      new BacktestSettings(MAX_K, Duration.ofDays(1), JudgedCases.HONEST, 0.8, new Bootstrap.Settings(100, 1));
  private static final BacktestSettings CLICKS_TOO = HONEST.judging(new JudgedCases(true, false));
  private static final BacktestSettings REPEATS_TOO = HONEST.judging(new JudgedCases(false, true));

  private static final List<CustomerEvent> HISTORY =
      List.of(
          event("before-range", EventType.VIEW, "A", FROM.minus(HOUR)),
          event("train-view", EventType.VIEW, "X", FROM.plus(HOUR)),
          event("train-click", EventType.CLICK, "X", FROM.plus(HOUR.multipliedBy(2))),
          event("test-day-1", EventType.CLICK, "A", SPLIT.plus(HOUR)),
          event("test-day-2", EventType.PURCHASE, "B", SPLIT.plus(Duration.ofDays(1)).plus(HOUR)),
          event("after-range", EventType.CLICK, "C", TO.plus(HOUR)));

  @Test
  void eachTestWindowCaseIsRankedFromTheStateJustBeforeIt() {
    List<Integer> eventsSeen = new ArrayList<>();
    // recommends exactly what the shopper touched: it would hit every case if the state held the case itself
    BacktestModel lastTouched =
        new BacktestModel("last-touched", SPLIT, vocabulary -> (customer, state, now, limit) -> {
          eventsSeen.add(state.eventCount());
          return touched(state, vocabulary);
        });

    BacktestResult result = new Backtest(BacktestFixtures.FEATURES, CLICKS_TOO)
        .run(HISTORY, CATALOG, WINDOWS, List.of(lastTouched));

    assertEquals(List.of(2, 3), eventsSeen, "the case events are not yet applied, nor anything before the range");
    assertEquals(2, result.cases());
    assertEquals(4, result.replayedEvents());
    ModelMetrics metrics = result.models().get(0);
    assertEquals(0, metrics.quality().hitRate(MAX_K));
    assertEquals(
        List.of(Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z")),
        metrics.overTime().stream().map(TimeBucket::start).toList());
    assertEquals(CATALOG.size(), result.catalogSize());
  }

  @Test
  void everyModelJudgesTheSameCasesAndKeepsItsPlace() {
    BacktestModel alwaysA = fixed("always-A", "A");
    BacktestModel alwaysB = fixed("always-B", "B");

    BacktestResult result =
        new Backtest(BacktestFixtures.FEATURES, CLICKS_TOO).run(HISTORY, CATALOG, WINDOWS, List.of(alwaysB, alwaysA));

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
  void byDefaultOnlyPurchasesAreCases() {
    BacktestResult result = honest().run(HISTORY, CATALOG, WINDOWS, List.of(fixed("always-B", "B")));

    assertEquals(1, result.cases(), "the test window's click on A is not judged");
    assertEquals(1.0, result.models().get(0).quality().hitRate(1));
  }

  @Test
  void aRepeatPurchaseIsNotACaseNorIsThePurchaseOfAnItemTheShopperViewed() {
    List<CustomerEvent> history = List.of(
        event("bought", EventType.PURCHASE, "A", FROM.plus(HOUR)),
        event("viewed", EventType.VIEW, "B", FROM.plus(HOUR.multipliedBy(2))),
        event("bought-again", EventType.PURCHASE, "A", SPLIT.plus(HOUR)),
        event("bought-after-viewing", EventType.PURCHASE, "B", SPLIT.plus(HOUR.multipliedBy(2))),
        event("bought-new", EventType.PURCHASE, "C", SPLIT.plus(HOUR.multipliedBy(3))),
        event("bought-again-in-the-test", EventType.PURCHASE, "C", SPLIT.plus(HOUR.multipliedBy(4))),
        CustomerEvent.of("someone-elses", "c2", EventType.PURCHASE, "A", SPLIT.plus(HOUR.multipliedBy(5))));
    List<BacktestModel> models = List.of(fixed("always-C", "C"));

    BacktestResult honest = honest().run(history, CATALOG, WINDOWS, models);
    BacktestResult withRepeats = new Backtest(BacktestFixtures.FEATURES, REPEATS_TOO).run(history, CATALOG, WINDOWS, models);

    assertEquals(2, honest.cases(), "c1's first purchase of C and c2's purchase of A, which c2 never touched");
    assertEquals(3, honest.repeatCases());
    assertEquals(0.5, honest.models().get(0).quality().hitRate(1));
    assertEquals(5, withRepeats.cases(), "--repeats judges every purchase");
    assertEquals(0, withRepeats.repeatCases());
  }

  @Test
  void aTouchedItemNeverAppearsInAJudgedListAndTheListStillHoldsMaxKItems() {
    // more items than the live state's recent lists hold: the judge must remember them all
    int touchedCount = 3 * BacktestFixtures.FEATURES.recentItemsLimit();
    List<String> touchedItems = IntStream.range(0, touchedCount).mapToObj(i -> "touched-" + i).toList();
    List<String> fresh = IntStream.range(0, MAX_K).mapToObj(i -> "fresh-" + i).toList();
    Catalog catalog = catalog(Stream.concat(touchedItems.stream(), fresh.stream()));
    List<CustomerEvent> history = new ArrayList<>();
    for (int i = 0; i < touchedCount; i++) {
      history.add(event("view-" + i, EventType.VIEW, touchedItems.get(i), FROM.plus(HOUR.multipliedBy(i + 1))));
    }
    String bought = fresh.get(MAX_K - 1);
    history.add(event("case", EventType.PURCHASE, bought, SPLIT.plus(HOUR)));
    List<Integer> asked = new ArrayList<>();
    // the touched items first, oldest first, then the fresh ones: the case's item comes last of all
    BacktestModel touchedFirst = new BacktestModel("touched-first", SPLIT, vocabulary -> (customer, state, now, limit) -> {
      asked.add(limit);
      return Stream.concat(touchedItems.stream(), fresh.stream()).limit(limit).toList();
    });

    ModelMetrics metrics = honest().run(history, catalog, WINDOWS, List.of(touchedFirst)).models().get(0);

    assertEquals(List.of(MAX_K + touchedCount), asked, "asked for as many more items as the shopper touched");
    assertEquals(1.0, metrics.quality().hitRate(MAX_K), "ranked at K once the touched items are left out");
    assertEquals(0.0, metrics.quality().hitRate(MAX_K - 1));
    assertEquals((double) MAX_K / catalog.size(), metrics.coverage(MAX_K), "only fresh items were shown");
  }

  @Test
  void theDefaultSplitIsTheEightiethPercentileOfTheEventTimes() {
    // times crowd towards the end, so that the 80th percentile of the events is not 80% of the time span
    List<CustomerEvent> history = IntStream.range(0, 10)
        .mapToObj(i -> event("e" + i, EventType.VIEW, "A", FROM.plus(HOUR.multipliedBy((long) Math.sqrt(i * 100.0)))))
        .toList();

    Instant split = BacktestWindows.quantileTime(history, 0.8);

    assertEquals(history.get(8).timestamp(), split);
    assertEquals(8, history.stream().filter(event -> event.timestamp().isBefore(split)).count());
  }

  @Test
  void aModelThatLearntFromTheTestWindowIsRefused() {
    BacktestModel peeking = new BacktestModel("peeking", SPLIT.plusMillis(1), vocabulary -> fixedRanker("A"));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> honest().run(HISTORY, CATALOG, WINDOWS, List.of(peeking)));
    assertTrue(refused.getMessage().contains("peeking"), refused.getMessage());
  }

  @Test
  void modelsNeedDistinctNamesAndAtLeastOneMustBeGiven() {
    assertThrows(IllegalArgumentException.class,
        () -> honest().run(HISTORY, CATALOG, WINDOWS, List.of(fixed("m", "A"), fixed("m", "B"))));
    assertThrows(IllegalArgumentException.class, () -> honest().run(HISTORY, CATALOG, WINDOWS, List.of()));
  }

  @Test
  void theWindowsMustFollowEachOther() {
    assertThrows(IllegalArgumentException.class, () -> new BacktestWindows(SPLIT, SPLIT, TO));
    assertThrows(IllegalArgumentException.class, () -> new BacktestWindows(FROM, TO, SPLIT));
  }

  @Test
  void listsShorterThanTheHeadlineKAreRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new BacktestSettings(MAX_K - 1, Duration.ofDays(1), JudgedCases.HONEST, 0.8, new Bootstrap.Settings(1, 1)));
    assertTrue(refused.getMessage().contains("at least " + MAX_K), refused.getMessage());
  }

  @Test
  void trainWindowTablesKnowOnlyTheTrainWindow() {
    var tables = Backtest.trainWindowTables(HISTORY, WINDOWS, BacktestFixtures.TABLES);

    assertEquals(List.of("X"), List.copyOf(tables.popularity().keySet()));
  }

  private static Backtest honest() {
    return new Backtest(BacktestFixtures.FEATURES, HONEST);
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

  private static Catalog catalog(Stream<String> ids) {
    return Catalog.of(ids.map(id -> new CatalogItem(id, "shoes", 10, true, id, 0)).toList());
  }

  private static CustomerEvent event(String id, EventType type, String item, Instant at) {
    return CustomerEvent.of(id, "c1", type, item, at);
  }
}
