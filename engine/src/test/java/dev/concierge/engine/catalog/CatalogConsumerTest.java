package dev.concierge.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.persistence.json.CatalogJson;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** How a batch of the catalog topic's records changes this node's catalog: upserts, and tombstones that delete. */
class CatalogConsumerTest {

  private static final CatalogItem TENT = new CatalogItem("sku-1", "tents", 199.0, true, "Ridge tent", 5);
  private static final CatalogItem BAG = new CatalogItem("sku-2", "bags", 30.0, true, "Day pack", 1);

  private final CatalogJson json = new CatalogJson(new ObjectMapper());
  private final CatalogView view = new CatalogView(catalog -> {});
  private long offset;

  @Test
  void aTombstoneRemovesTheItemFromTheCatalog() {
    CatalogConsumer.applyBatch(view, json, List.of(item(TENT), item(BAG)));

    Catalog after = CatalogConsumer.applyBatch(view, json, List.of(tombstone("sku-1")));

    assertNull(after.item("sku-1"));
    assertEquals(BAG, after.item("sku-2"));
    assertEquals(1, after.size());
  }

  @Test
  void withinOneBatchTheLastRecordOfAnItemWins() {
    CatalogItem soldOut = new CatalogItem("sku-1", "tents", 199.0, false, "Ridge tent", 5);

    Catalog deletedLast = CatalogConsumer.applyBatch(view, json, List.of(item(TENT), tombstone("sku-1")));
    assertNull(deletedLast.item("sku-1"));

    Catalog updatedLast = CatalogConsumer.applyBatch(view, json, List.of(tombstone("sku-1"), item(TENT), item(soldOut)));
    assertEquals(soldOut, updatedLast.item("sku-1"));
  }

  @Test
  void aRecordThatIsNotACatalogItemIsSkippedAndTheRestApplied() {
    ConsumerRecord<String, byte[]> broken = new ConsumerRecord<>("catalog", 0, offset++, "sku-3", "{\"itemId\":\"sku-3\",\"price\":-1}".getBytes());

    Catalog after = CatalogConsumer.applyBatch(view, json, List.of(broken, item(BAG)));

    assertEquals(List.of(BAG), after.mostPopular());
  }

  private ConsumerRecord<String, byte[]> item(CatalogItem item) {
    return new ConsumerRecord<>("catalog", 0, offset++, item.itemId(), json.write(item));
  }

  private ConsumerRecord<String, byte[]> tombstone(String itemId) {
    return new ConsumerRecord<>("catalog", 0, offset++, itemId, null);
  }
}
