package dev.concierge.tools.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.training.RecommenderFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replaying a history files each event under a category: the one recorded with it, or the catalog's. */
class HistoryTest {

  private static final Catalog CATALOG = Catalog.of(List.of(new CatalogItem("tent", "camping", 99, true, "Tent", 0)));
  // as the journal keeps it: filed under the category the catalog had when the event was recorded
  private static final List<EventRecorded> RECORDED = List.of(new EventRecorded(
      CustomerEvent.of("e-1", "c-1", EventType.VIEW, "tent", Instant.parse("2026-10-01T10:00:00Z")), "outdoor"));

  @Test
  void eventsOfASourceThatRecordsNoCategoryAreFiledUnderTheCatalogs() {
    assertEquals(Set.of("camping"), categoriesAfterReplaying(new History(RECORDED, null, "file or Kafka", false)));
  }

  @Test
  void eventsOfTheJournalKeepTheCategoryRecordedWithThem() {
    assertEquals(Set.of("outdoor"), categoriesAfterReplaying(new History(RECORDED, null, "journal", true)));
  }

  private static Set<String> categoriesAfterReplaying(History history) {
    HistoryReplay replay = new HistoryReplay(RecommenderFixtures.FEATURES, new Vocabulary(100, 100), CATALOG);
    history.replayThrough(replay);
    return replay.customers().get("c-1").view(replay.vocabulary()).categoryAffinity().shares().keySet();
  }
}
