package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

  private static final List<CatalogItem> ITEMS = DemoCatalog.generate(1000, 42);

  @Test
  void theSameSeedGivesTheSameItems() {
    assertEquals(ITEMS, DemoCatalog.generate(1000, 42));
  }

  @Test
  void aDifferentSeedGivesDifferentItems() {
    List<CatalogItem> other = DemoCatalog.generate(1000, 43);

    assertNotEquals(ITEMS, other);
    assertEquals(
        ITEMS.stream().map(CatalogItem::itemId).toList(),
        other.stream().map(CatalogItem::itemId).toList(),
        "ids do not depend on the seed");
  }

  @Test
  void itGeneratesExactlyTheRequestedNumberOfItems() {
    assertEquals(1000, ITEMS.size());
    assertEquals(7, DemoCatalog.generate(7, 1).size());
    assertTrue(DemoCatalog.generate(0, 1).isEmpty());
  }

  @Test
  void idsAreUniqueAndNumberedFromOne() {
    Set<String> ids = ITEMS.stream().map(CatalogItem::itemId).collect(Collectors.toSet());

    assertEquals(1000, ids.size());
    assertEquals(
        IntStream.rangeClosed(1, 1000).mapToObj(i -> "sku-" + i).collect(Collectors.toSet()), ids);
  }

  @Test
  void aThousandItemsSpanTwentyCategoriesEvenly() {
    Map<String, Long> perCategory =
        ITEMS.stream().collect(Collectors.groupingBy(CatalogItem::category, Collectors.counting()));

    assertEquals(20, perCategory.size());
    assertEquals(new HashSet<>(DemoCatalog.categories()), perCategory.keySet());
    perCategory.forEach((category, count) -> assertEquals(50L, count, category));
    assertEquals(20, Catalog.of(ITEMS).categoryCount());
  }

  @Test
  void categoriesListsTwentyDistinctNames() {
    assertEquals(20, DemoCatalog.categories().size());
    assertEquals(20, new HashSet<>(DemoCatalog.categories()).size());
  }

  @Test
  void itemsLookLikeRealMerchandise() {
    for (CatalogItem item : ITEMS) {
      assertTrue(item.price() >= 5 && item.price() <= 300, item.toString());
      assertTrue(item.popularity() > 0, item.toString());
      assertTrue(item.title().contains(item.category()), item.toString());
    }
  }

  @Test
  void aSmallShareOfItemsIsOutOfStock() {
    long outOfStock = ITEMS.stream().filter(item -> !item.inStock()).count();

    assertTrue(outOfStock > 0 && outOfStock < 150, "out of stock: " + outOfStock);
  }

  @Test
  void aHandfulOfItemsDominatesEachCategory() {
    Catalog catalog = Catalog.of(ITEMS);

    for (String category : DemoCatalog.categories()) {
      List<CatalogItem> items = catalog.mostPopularIn(category);
      // the category's first item (popularity 500..1500) outsells every item from its 4th on (<= 375)
      CatalogItem first = ITEMS.get(DemoCatalog.categories().indexOf(category));
      for (int rank = 4; rank <= 50; rank++) {
        CatalogItem later = ITEMS.get((rank - 1) * 20 + DemoCatalog.categories().indexOf(category));
        assertTrue(first.popularity() > later.popularity(), first + " vs " + later);
      }
      assertTrue(
          items.get(0).popularity() > 10 * items.get(items.size() - 1).popularity(),
          category + ": best " + items.get(0).popularity() + ", worst " + items.get(items.size() - 1).popularity());
    }
  }
}
