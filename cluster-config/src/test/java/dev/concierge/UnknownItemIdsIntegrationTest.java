package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventType;
import dev.concierge.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 on a real node: events posted over HTTP whose item ids no catalog holds, mixed with views of
 * catalog items, reach their customers through Kafka and Cassandra. The node's shared vocabulary
 * ({@code concierge_vocabulary_items}) keeps the catalog's size, also after a restart has recovered every
 * customer from its snapshots and events, and every customer's decisions stay its own.
 */
class UnknownItemIdsIntegrationTest {

  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(200, 7);
  private static final int CUSTOMERS = 10;
  private static final int UNKNOWN_IDS_PER_CUSTOMER = 500;
  /** Every this-many unknown ids, the customer also views an item of its favourite category. */
  private static final int CATALOG_EVERY = 10;
  private static final int EVENTS_PER_REQUEST = 500;
  private static final String VOCABULARY_ITEMS = "concierge_vocabulary_items";
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private CatalogNode fixture;
  private TestKafka kafka;
  private TestNode node;

  @BeforeEach
  void startNode() {
    fixture = CatalogNode.start(CATALOG);
    kafka = fixture.kafka();
    node = fixture.node();
    awaitCatalog();
  }

  @AfterEach
  void stopNode() {
    fixture.close();
  }

  @Test
  void unknownItemIdsNeverReachTheSharedVocabularyAndDecisionsStayPersonalAcrossARestart() {
    List<String> events = new ArrayList<>();
    Map<String, String> favourites = new HashMap<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      String customer = "flood-" + c;
      String favourite = DemoCatalog.categories().get(c);
      List<CatalogItem> liked = CATALOG.stream().filter(item -> item.category().equals(favourite)).toList();
      favourites.put(customer, favourite);
      for (int i = 0; i < UNKNOWN_IDS_PER_CUSTOMER; i++) {
        EventType type = EventType.interactions().get(i % EventType.interactions().size());
        events.add(event(customer + "-u" + i, customer, type, "made-up-" + c + "-" + i));
        if (i % CATALOG_EVERY == 0) {
          events.add(event(customer + "-c" + i, customer, EventType.VIEW, liked.get(i % liked.size()).itemId()));
        }
      }
    }
    for (int from = 0; from < events.size(); from += EVENTS_PER_REQUEST) {
      List<String> batch = events.subList(from, Math.min(events.size(), from + EVENTS_PER_REQUEST));
      HttpResponse<String> accepted = node.post("/v1/events", "[" + String.join(",", batch) + "]");
      assertEquals(202, accepted.statusCode(), accepted.body());
    }
    long perCustomer = UNKNOWN_IDS_PER_CUSTOMER + UNKNOWN_IDS_PER_CUSTOMER / CATALOG_EVERY;
    Eventually.within(SETTLE, "every event is recorded",
        () -> favourites.keySet().stream().allMatch(customer -> eventCount(customer) == perCustomer));

    assertEquals(CATALOG.size(), vocabularyItems(), "no made-up id took a shared code");
    Map<String, JsonNode> before = new HashMap<>();
    for (String customer : favourites.keySet()) {
      JsonNode features = node.recordedFeatures(customer);
      assertTrue(features.get("recentItems").toString().contains("made-up-"), "the customer remembers them: " + features);
      assertPersonal(customer, favourites.get(customer));
      before.put(customer, features);
    }

    node = fixture.restart();

    for (String customer : favourites.keySet()) {
      assertEquals(before.get(customer), node.recordedFeatures(customer), customer + " recovered whole");
    }
    awaitCatalog();
    assertEquals(CATALOG.size(), vocabularyItems(), "recovery taught the vocabulary no made-up id either");
    favourites.forEach(this::assertPersonal);
  }

  private void awaitCatalog() {
    Eventually.within(SETTLE, "the node has given the catalog's items shared codes",
        () -> vocabularyItems() >= CATALOG.size());
  }

  private void assertPersonal(String customer, String favourite) {
    JsonNode decision = node.postJson("/v1/decisions", "{\"customerId\":\"" + customer + "\",\"limit\":3}");
    assertFalse(decision.get("fallback").asBoolean(), decision.toString());
    String first = decision.get("items").get(0).get("itemId").asText();
    String category = CATALOG.stream().filter(item -> item.itemId().equals(first)).findFirst().orElseThrow().category();
    assertEquals(favourite, category, customer + " is shown its favourite category first: " + decision);
  }

  private long vocabularyItems() {
    return (long) node.http().metric(VOCABULARY_ITEMS);
  }

  private long eventCount(String customer) {
    long total = 0;
    for (JsonNode count : node.featuresJson(customer).get("events")) {
      total += count.asLong();
    }
    return total;
  }

  private static String event(String eventId, String customerId, EventType type, String itemId) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type.wireName()
        + "\",\"itemId\":\"" + itemId + "\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  }
}
