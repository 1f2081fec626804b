package dev.concierge.models;

import static dev.concierge.models.Fixtures.minutesAfterT0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.recommend.HistoryReplay;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A journal replays under the categories its events were recorded with, so that it gives exactly the live
 * features; seen through a catalog of today, its items are filed under that catalog's categories instead.
 */
class HistoryReplayCategoriesTest {

  private static final Catalog TODAY = Catalog.of(List.of(Fixtures.item("sku-1", "tents", 5)));
  private static final List<EventRecorded> JOURNAL = List.of(
      new EventRecorded(CustomerEvent.of("e-1", "c-1", EventType.VIEW, "sku-1", minutesAfterT0(1)), "shoes"),
      new EventRecorded(CustomerEvent.of("e-2", "c-1", EventType.PURCHASE, "sku-1", minutesAfterT0(2)), "shoes"));

  @Test
  void recordedEventsKeepTheirRecordedCategoryWhateverTheCatalogSays() {
    HistoryReplay replay = new HistoryReplay(Fixtures.settings(), Fixtures.vocabulary(), TODAY);

    assertEquals(2, replay.replayRecorded(JOURNAL, Instant.MAX, (event, state) -> { }));

    CustomerFeatures features = replay.customers().get("c-1").view(replay.vocabulary());
    assertEquals(List.of("shoes"), features.purchasedCategories());
    assertTrue(features.categoryAffinity().share("tents") == 0, features.categoryAffinity().toString());
  }

  @Test
  void underTheCatalogRecordedEventsAreFiledUnderTheCatalogsCategories() {
    HistoryReplay replay = new HistoryReplay(Fixtures.settings(), Fixtures.vocabulary(), TODAY);

    assertEquals(2, replay.replayRecordedUnderCatalog(JOURNAL, Instant.MAX, (event, state) -> { }));

    CustomerFeatures features = replay.customers().get("c-1").view(replay.vocabulary());
    assertEquals(List.of("tents"), features.purchasedCategories());
    assertEquals(0, features.categoryAffinity().share("shoes"));
  }
}
