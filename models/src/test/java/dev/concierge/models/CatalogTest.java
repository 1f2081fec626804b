package dev.concierge.models;

import static dev.concierge.models.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static final Catalog CATALOG =
      Catalog.of(
          List.of(
              item("t-low", "tents", 10),
              item("s-top", "shoes", 100),
              item("t-top", "tents", 80),
              item("s-b", "shoes", 50),
              item("s-a", "shoes", 50),
              item("k-1", "socks", 20)));

  private static List<String> ids(List<CatalogItem> items) {
    return items.stream().map(CatalogItem::itemId).toList();
  }

  @Test
  void theEmptyCatalogHasNothingToOffer() {
    Catalog empty = Catalog.EMPTY;

    assertEquals(0, empty.size());
    assertEquals(0, empty.categoryCount());
    assertTrue(empty.mostPopular().isEmpty());
    assertTrue(empty.mostPopularIn("tents").isEmpty());
    assertNull(empty.item("sku-1"));
    assertNull(empty.categoryOf("sku-1"));
    assertEquals(0.0, empty.relativePopularity(item("x", "tents", 42)));
  }

  @Test
  void ofAnEmptyCollectionIsEmpty() {
    assertEquals(0, Catalog.of(List.of()).size());
  }

  @Test
  void itemsAreFoundById() {
    assertEquals(item("t-top", "tents", 80), CATALOG.item("t-top"));
    assertEquals("socks", CATALOG.categoryOf("k-1"));
    assertNull(CATALOG.item("unknown"));
    assertNull(CATALOG.categoryOf("unknown"));
    assertEquals(6, CATALOG.size());
  }

  @Test
  void mostPopularComesFirstAndTiesAreBrokenByItemId() {
    assertEquals(List.of("s-top", "t-top", "s-a", "s-b", "k-1", "t-low"), ids(CATALOG.mostPopular()));
  }

  @Test
  void eachCategoryHasItsOwnPopularityList() {
    assertEquals(List.of("s-top", "s-a", "s-b"), ids(CATALOG.mostPopularIn("shoes")));
    assertEquals(List.of("t-top", "t-low"), ids(CATALOG.mostPopularIn("tents")));
    assertEquals(List.of("k-1"), ids(CATALOG.mostPopularIn("socks")));
    assertTrue(CATALOG.mostPopularIn("stoves").isEmpty());
    assertEquals(3, CATALOG.categoryCount());
  }

  @Test
  void theListsCannotBeModified() {
    assertThrows(UnsupportedOperationException.class, () -> CATALOG.mostPopular().clear());
    assertThrows(UnsupportedOperationException.class, () -> CATALOG.mostPopularIn("shoes").clear());
  }

  @Test
  void withChangesAddsNewItems() {
    Catalog next = CATALOG.withChanges(List.of(item("st-1", "stoves", 90)), List.of());

    assertEquals(7, next.size());
    assertEquals(List.of("s-top", "st-1", "t-top"), ids(next.mostPopular()).subList(0, 3));
    assertEquals(List.of("st-1"), ids(next.mostPopularIn("stoves")));
    assertEquals(4, next.categoryCount());
  }

  @Test
  void withChangesReplacesAnItemWithTheSameId() {
    Catalog next = CATALOG.withChanges(List.of(item("t-low", "tents", 500)), List.of());

    assertEquals(6, next.size());
    assertEquals(500, next.item("t-low").popularity());
    assertEquals("t-low", next.mostPopular().get(0).itemId());
    assertEquals(List.of("t-low", "t-top"), ids(next.mostPopularIn("tents")));
  }

  @Test
  void anItemThatChangesCategoryMovesBetweenCategoryLists() {
    Catalog next = CATALOG.withChanges(List.of(item("k-1", "shoes", 20)), List.of());

    assertEquals("shoes", next.categoryOf("k-1"));
    assertEquals(List.of("s-top", "s-a", "s-b", "k-1"), ids(next.mostPopularIn("shoes")));
    assertTrue(next.mostPopularIn("socks").isEmpty());
    assertEquals(2, next.categoryCount(), "a category without items disappears");
  }

  @Test
  void withChangesRemovesItemsById() {
    Catalog next = CATALOG.withChanges(List.of(), List.of("s-top", "t-low", "never-existed"));

    assertEquals(4, next.size());
    assertNull(next.item("s-top"));
    assertEquals(List.of("t-top", "s-a", "s-b", "k-1"), ids(next.mostPopular()));
    assertEquals(List.of("t-top"), ids(next.mostPopularIn("tents")));
  }

  @Test
  void aRemovalWinsOverAnUpsertOfTheSameItemInOneChange() {
    Catalog next = CATALOG.withChanges(List.of(item("new", "tents", 1)), List.of("new"));

    assertNull(next.item("new"));
    assertEquals(6, next.size());
  }

  @Test
  void withChangesLeavesTheOriginalViewUntouched() {
    CATALOG.withChanges(List.of(item("st-1", "stoves", 999)), List.of("s-top"));

    assertEquals(6, CATALOG.size());
    assertEquals("s-top", CATALOG.mostPopular().get(0).itemId());
    assertNull(CATALOG.item("st-1"));
  }

  @Test
  void relativePopularityScalesAgainstTheBestSeller() {
    assertEquals(1.0, CATALOG.relativePopularity(CATALOG.item("s-top")), 1e-12);
    assertEquals(0.5, CATALOG.relativePopularity(CATALOG.item("s-a")), 1e-12);
    assertEquals(0.1, CATALOG.relativePopularity(CATALOG.item("t-low")), 1e-12);
  }

  @Test
  void relativePopularityStaysWithinZeroAndOne() {
    Catalog catalog =
        Catalog.of(
            List.of(item("neg", "tents", -5), item("zero", "tents", 0), item("top", "tents", 3)));

    for (CatalogItem item : catalog.mostPopular()) {
      double relative = catalog.relativePopularity(item);
      assertTrue(relative >= 0 && relative <= 1, item.itemId() + ": " + relative);
    }
    assertEquals(0.0, catalog.relativePopularity(catalog.item("neg")));
  }

  @Test
  void relativePopularityIsZeroWhenNothingHasSold() {
    Catalog catalog = Catalog.of(List.of(item("a", "tents", 0), item("b", "tents", 0)));

    assertEquals(0.0, catalog.relativePopularity(catalog.item("a")));
  }

  @Test
  void relativePopularityFollowsUpdates() {
    Catalog next = CATALOG.withChanges(List.of(), List.of("s-top"));

    assertEquals(1.0, next.relativePopularity(next.item("t-top")), 1e-12);
    assertEquals(50.0 / 80, next.relativePopularity(next.item("s-a")), 1e-12);
  }
}
