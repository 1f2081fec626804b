package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.recommend.CandidateTables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables that training rows read (co-occurrence and similar-item neighbours, embeddings,
 * popularity) come from the history before the labels start: a pattern planted among the labels,
 * late in the history, must change none of them, though the bundle's shipped tables learn it.
 */
class TrainingLeakageTest {

  private static final String FIRST = "planted-first";
  private static final String SECOND = "planted-second";
  private static final int PLANTED_CUSTOMERS = 30;
  // late enough to be among the labels (the later 40 % of the history)
  private static final double PLANTED_AT = 0.95;

  private final BundleTrainer trainer =
      new BundleTrainer(RecommenderFixtures.RECOMMENDER, RecommenderFixtures.TRAINING, Clock.systemUTC());

  @Test
  void eventsAmongTheLabelsChangeNoneOfTheTablesTheRowsRead() {
    List<CustomerEvent> history = RecommenderFixtures.history(80, 6_000);
    Instant until = history.get(history.size() - 1).timestamp().plusMillis(1);
    List<CustomerEvent> planted = withPlantedPair(history);

    CandidateTables clean = trainer.rowTables(history, until);
    CandidateTables seenWithPlanted = trainer.rowTables(planted, until);

    assertEquals(clean, seenWithPlanted);
    assertFalse(seenWithPlanted.popularity().containsKey(SECOND));
    assertFalse(seenWithPlanted.embeddings().items().contains(SECOND));
  }

  @Test
  void theShippedTablesDoLearnThePlantedPair() {
    List<CustomerEvent> planted = withPlantedPair(RecommenderFixtures.history(80, 6_000));
    CandidateTablesBuilder builder = new CandidateTablesBuilder(RecommenderFixtures.TABLES);
    planted.forEach(builder::add);

    CandidateTables all = builder.build();

    assertTrue(all.coOccurring().get(FIRST).stream().anyMatch(n -> n.itemId().equals(SECOND)));
    assertTrue(all.embeddings().items().contains(SECOND));
  }

  /** Many customers view one new item, then buy another, late in the history. */
  private static List<CustomerEvent> withPlantedPair(List<CustomerEvent> history) {
    Instant at = RecommenderFixtures.dayOf(history, PLANTED_AT);
    List<String> customers = history.stream().map(CustomerEvent::customerId).distinct().sorted().toList();
    List<CustomerEvent> planted = new ArrayList<>(history);
    for (int i = 0; i < PLANTED_CUSTOMERS; i++) {
      String customer = customers.get(i % customers.size());
      planted.add(CustomerEvent.of("pv-" + i, customer, EventType.VIEW, FIRST, at.plusSeconds(i * 60L)));
      planted.add(CustomerEvent.of("pp-" + i, customer, EventType.PURCHASE, SECOND, at.plusSeconds(i * 60L + 30)));
    }
    planted.sort(Comparator.comparing(CustomerEvent::timestamp));
    return planted;
  }
}
