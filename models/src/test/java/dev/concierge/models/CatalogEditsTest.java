package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogEditsTest {

  private static final CatalogItem TENT = new CatalogItem("sku-1", "tents", 199.0, true, "Ridge tent", 5);
  private static final Catalog CATALOG = Catalog.of(List.of(TENT));

  @Test
  void aPriceUpdateKeepsEveryOtherFieldOfTheCatalogsItem() {
    CatalogEdits.Resolved resolved = resolved(List.of(upsert("sku-1", null, 149.0, null)));

    assertEquals(List.of(new CatalogEdits.Write("sku-1", new CatalogItem("sku-1", "tents", 149.0, true, "Ridge tent", 5))),
        resolved.writes());
    assertEquals(1, resolved.updated());
    assertEquals(0, resolved.created());
  }

  @Test
  void aStockUpdateSetsOnlyTheStock() {
    CatalogEdits.Resolved resolved = resolved(List.of(upsert("sku-1", null, null, false)));

    assertEquals(new CatalogItem("sku-1", "tents", 199.0, false, "Ridge tent", 5), resolved.writes().get(0).item());
  }

  @Test
  void aDeletionIsATombstoneAndCountsAsDeleted() {
    CatalogEdits.Resolved resolved = resolved(List.of(new CatalogChange.Removal("sku-1")));

    assertEquals(List.of(new CatalogEdits.Write("sku-1", null)), resolved.writes());
    assertEquals(1, resolved.deleted());
  }

  @Test
  void aPartialChangeOfAnUnknownItemIsRefusedAtItsIndex() {
    CatalogEdits.Outcome outcome = CatalogEdits.resolve(CATALOG,
        List.of(upsert("sku-1", null, 1.0, null), upsert("sku-404", null, 9.0, null)));

    CatalogEdits.Refused refused = assertInstanceOf(CatalogEdits.Refused.class, outcome);
    assertEquals(1, refused.index());
    assertTrue(refused.reason().contains("sku-404") && refused.reason().contains("'category'"), refused.reason());
  }

  @Test
  void aChangeAppliesToTheItemAsAnEarlierChangeOfTheSameListLeftIt() {
    CatalogEdits.Resolved resolved = resolved(List.of(
        upsert("sku-2", "bags", 30.0, null), upsert("sku-2", null, null, false)));

    assertEquals(new CatalogItem("sku-2", "bags", 30.0, false, "", 0), resolved.writes().get(1).item());
    assertEquals(1, resolved.created());
    assertEquals(1, resolved.updated());
  }

  @Test
  void anItemDeletedEarlierInTheListIsUnknownToALaterPartialChange() {
    CatalogEdits.Outcome outcome = CatalogEdits.resolve(CATALOG,
        List.of(new CatalogChange.Removal("sku-1"), upsert("sku-1", null, 5.0, null)));

    assertEquals(1, assertInstanceOf(CatalogEdits.Refused.class, outcome).index());
  }

  private static CatalogEdits.Resolved resolved(List<CatalogChange> changes) {
    return assertInstanceOf(CatalogEdits.Resolved.class, CatalogEdits.resolve(CATALOG, changes));
  }

  private static CatalogChange.Upsert upsert(String itemId, String category, Double price, Boolean inStock) {
    return new CatalogChange.Upsert(itemId, category, price, inStock, null, null);
  }
}
