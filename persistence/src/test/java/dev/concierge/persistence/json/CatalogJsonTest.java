package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CatalogItem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

  private final CatalogJson json = new CatalogJson(new ObjectMapper());

  @Test
  void theContractExampleReadsWithZeroPopularity() {
    String record = "{\"itemId\":\"sku-7\",\"category\":\"shoes\",\"price\":59.0,\"inStock\":true,\"title\":\"Trail runner\"}";

    assertEquals(
        new CatalogItem("sku-7", "shoes", 59.0, true, "Trail runner", 0),
        json.parse(record.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  @Test
  void writtenItemsReadBackUnchanged() {
    CatalogItem item = new CatalogItem("sku-1", "tents", 199.99, false, "Ridge tent", 812.5);

    assertEquals(item, json.parse(json.write(item)).orElseThrow());
  }

  @Test
  void recordsWithoutAnItemIdOrCategoryOrThatAreNotJsonAreSkipped() {
    assertTrue(json.parse("{\"category\":\"shoes\"}".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(json.parse("{\"itemId\":\"sku-1\"}".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(json.parse("nope".getBytes(StandardCharsets.UTF_8)).isEmpty());
  }

  @Test
  void aCatalogFileWithoutCategoriesOrPricesReadsUnderTheCategoryGivenForAbsentOnes() {
    byte[] titleOnly = "{\"itemId\":\"m1\",\"title\":\"Movie 1\"}".getBytes(StandardCharsets.UTF_8);

    assertEquals(new CatalogItem("m1", "unknown", 0, true, "Movie 1", 0), json.parse(titleOnly, "unknown").orElseThrow());
    assertEquals("shoes",
        json.parse("{\"itemId\":\"m2\",\"category\":\"shoes\"}".getBytes(StandardCharsets.UTF_8), "unknown")
            .orElseThrow().category(),
        "a category given is kept");
    assertTrue(json.parse("{\"title\":\"no id\"}".getBytes(StandardCharsets.UTF_8), "unknown").isEmpty());
  }
}
