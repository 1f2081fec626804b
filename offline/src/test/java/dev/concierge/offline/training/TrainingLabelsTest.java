package dev.concierge.offline.training;

import static dev.concierge.models.recommend.RecommenderFeatures.CARTED_BEFORE;
import static dev.concierge.models.recommend.RecommenderFeatures.TOUCHED_RECENTLY;
import static dev.concierge.models.recommend.RecommenderFeatures.VIEWED_BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.CandidateTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which clicks and purchases become rows: by default only first touches, against candidates the shopper
 * has not touched either, the question the backtest judges; each labelled moment one positive and its
 * negatives.
 */
class TrainingLabelsTest {

  private static final List<CustomerEvent> HISTORY = RecommenderFixtures.history(80, 6_000);
  private static final Instant UNTIL = HISTORY.get(HISTORY.size() - 1).timestamp().plusMillis(1);
  private static final Instant LABELS_FROM = RecommenderFixtures.dayOf(HISTORY, 0.6);
  private static final int NEGATIVES = 4;

  @Test
  void firstTouchesGiveNoRowOfAnItemTheShopperHadTouched() {
    TrainingSet rows = rows(TrainingSetBuilder.Labels.FIRST_TOUCHES);

    assertEquals(0, rowsWithATouchedItem(rows), "viewed_before, carted_before and touched_recently are all 0");
  }

  @Test
  void everyClickAndPurchaseAlsoGivesRowsOfItemsComeBackTo() {
    TrainingSet all = rows(TrainingSetBuilder.Labels.ALL);
    TrainingSet firstTouches = rows(TrainingSetBuilder.Labels.FIRST_TOUCHES);

    assertTrue(rowsWithATouchedItem(all) > 0, "the simulated shoppers come back to items they viewed");
    assertTrue(all.momentCount() > firstTouches.momentCount(), all.momentCount() + " vs " + firstTouches.momentCount());
  }

  @Test
  void eachMomentHoldsItsPositiveFirstAndAtMostTheNegativesAsked() {
    TrainingSet rows = rows(TrainingSetBuilder.Labels.FIRST_TOUCHES);

    int positives = 0;
    for (int i = 0; i < rows.size(); i++) {
      boolean startsMoment = i == 0 || rows.moments()[i] != rows.moments()[i - 1];
      assertEquals(startsMoment, rows.positive()[i], "row " + i + " of moment " + rows.moments()[i]);
      positives += rows.positive()[i] ? 1 : 0;
      if (startsMoment && i > 0) {
        assertEquals(rows.moments()[i - 1] + 1, rows.moments()[i], "moments are numbered without gaps");
      }
    }
    assertEquals(positives, rows.momentCount());
    assertTrue(rows.size() <= positives * (1 + NEGATIVES));
    assertTrue(rows.size() > positives, "the moments have negatives");
  }

  @Test
  void aMergeIsNoRowAndTheAnonymousTouchesAreTheCustomersOwnAfterIt() {
    // half the shoppers log in as the other half, at the start of the labelled days
    List<String> customers = HISTORY.stream().map(CustomerEvent::customerId).distinct().sorted().toList();
    List<CustomerEvent> merges = new ArrayList<>();
    for (int i = 0; i + 1 < customers.size(); i += 2) {
      merges.add(CustomerEvent.merge("m-" + i, customers.get(i), customers.get(i + 1), LABELS_FROM.plusMillis(i)));
    }
    List<CustomerEvent> merged = new ArrayList<>(HISTORY);
    merged.addAll(merges);
    merged.sort(Comparator.comparing(CustomerEvent::timestamp));

    TrainingSet rows = rows(merged, TrainingSetBuilder.Labels.FIRST_TOUCHES);

    assertEquals(0, rowsWithATouchedItem(rows), "an item the anonymous shopper touched is no first touch after the merge");
    assertEquals(rows(HISTORY, TrainingSetBuilder.Labels.FIRST_TOUCHES).rows()[0].length, rows.rows()[0].length);
  }

  private static TrainingSet rows(TrainingSetBuilder.Labels labels) {
    return rows(HISTORY, labels);
  }

  private static TrainingSet rows(List<CustomerEvent> history, TrainingSetBuilder.Labels labels) {
    CandidateTablesBuilder builder = new CandidateTablesBuilder(RecommenderFixtures.TABLES);
    history.stream().filter(event -> event.timestamp().isBefore(LABELS_FROM)).forEach(builder::add);
    CandidateTables tables = builder.build();
    return new TrainingSetBuilder(RecommenderFixtures.RECOMMENDER, new TrainingSetBuilder.Settings(NEGATIVES, 7, labels))
        .build(history, RecommenderFixtures.CATALOG, tables, LABELS_FROM, UNTIL, RecommenderFixtures.POPULAR_PER_LIST);
  }

  private static long rowsWithATouchedItem(TrainingSet rows) {
    long touched = 0;
    for (double[] row : rows.rows()) {
      if (row[VIEWED_BEFORE] != 0 || row[CARTED_BEFORE] != 0 || row[TOUCHED_RECENTLY] != 0) {
        touched++;
      }
    }
    return touched;
  }
}
