package dev.concierge.offline.backtest;

import static dev.concierge.offline.backtest.BacktestFixtures.CATALOG;
import static dev.concierge.offline.backtest.BacktestFixtures.FEATURES;
import static dev.concierge.offline.backtest.BacktestFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.backtest.BacktestFixtures.RECOMMENDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.ServingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A served model leaves excluded items out through the request, as a storefront would, with the same answer. */
class ServedRankerTest {

  private static final int LIMIT = 10;
  private static final int DECISIONS = 300;

  @Test
  void leavingTheExcludedItemsOutThroughTheRequestEqualsAskingForMoreAndDroppingThem() {
    List<CustomerEvent> history = BacktestFixtures.history().subList(0, 20_000);
    BacktestWindows windows = BacktestFixtures.windows(history);
    CandidateTables tables = Backtest.trainWindowTables(history, windows, BacktestFixtures.TABLES);
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    Ranker served = new ServedRanker(
        RECOMMENDER, ServingModel.popularity(tables, CATALOG, vocabulary, POPULAR_PER_LIST), vocabulary, CATALOG);
    // the default path of the interface, for the same ranker
    Ranker dropping = served::rank;
    TouchedItems touched = new TouchedItems();
    int[] compared = new int[2];

    new HistoryReplay(FEATURES, vocabulary, CATALOG).replay(history, windows.to(), (event, state) -> {
      ExcludedItems excluded = touched.of(event.customerId());
      if (compared[0] < DECISIONS && excluded.size() > LIMIT) {
        long now = EventTime.millisOf(event.timestamp());
        List<String> answer = served.rank(event.customerId(), state, now, LIMIT, excluded);
        assertEquals(dropping.rank(event.customerId(), state, now, LIMIT, excluded), answer);
        answer.forEach(item -> assertTrue(!excluded.contains(item), item + " was touched"));
        compared[0]++;
        compared[1] += answer.size() == LIMIT ? 1 : 0;
      }
      touched.touch(event.customerId(), event.itemId());
    });

    assertEquals(DECISIONS, compared[0], "enough shoppers who touched more than a list's length");
    assertTrue(compared[1] > DECISIONS / 2, "most answers are full: " + compared[1]);
  }
}
