package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryCatalogTest {

  private static final Instant T0 = Instant.parse("1997-09-20T04:00:00Z");

  @Test
  void everyItemOfTheHistoryIsListedUnderUnknownWithoutPopularity() {
    Catalog catalog = HistoryCatalog.of(List.of(recorded("m1", null, null), recorded("m2", null, null), recorded("m1", null, null)));

    assertEquals(2, catalog.size());
    assertEquals(new CatalogItem("m1", CatalogItem.UNKNOWN_CATEGORY, 0, true, "", 0), catalog.item("m1"));
  }

  @Test
  void anItemCostsTheLatestPositivePriceItsEventsCarry() {
    Catalog catalog = HistoryCatalog.of(List.of(
        recorded("sku", 2.55, null), recorded("sku", 3.10, null), recorded("sku", 0.0, null),
        recorded("sku", -1.0, null), recorded("sku", Double.NaN, null), recorded("sku", Double.POSITIVE_INFINITY, null),
        recorded("sku", null, null)));

    assertEquals(3.10, catalog.item("sku").price());
  }

  @Test
  void theCategoryRecordedWithTheLatestEventThatHasOneIsKept() {
    Catalog catalog = HistoryCatalog.of(List.of(
        recorded("tent", null, "camping"), recorded("tent", null, "outdoor"), recorded("tent", null, null)));

    assertEquals("outdoor", catalog.categoryOf("tent"));
  }

  private static EventRecorded recorded(String item, Double price, String category) {
    CustomerEvent event = new CustomerEvent("e-" + item + price + category, "c-1", EventType.PURCHASE, item, T0, price, 1,
        null, Map.of());
    return new EventRecorded(event, category);
  }
}
