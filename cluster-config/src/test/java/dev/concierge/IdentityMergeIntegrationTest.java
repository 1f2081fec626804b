package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.Eventually;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An anonymous shopper logs in, on real parts: its events and the merge go through {@code POST /v1/events},
 * Kafka and the sharded customers on Cassandra; the known customer then holds the anonymous history, once,
 * also after the node restarts (recovery from the journal and a snapshot, every 3 events here).
 */
class IdentityMergeIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(200, 7);

  private CatalogNode fixture;
  private TestKafka kafka;
  private TestNode node;

  @BeforeEach
  void startNode() {
    fixture = CatalogNode.start(CATALOG);
    kafka = fixture.kafka();
    node = fixture.node();
    Eventually.within(SETTLE, "the node has read the catalog",
        () -> node.postJson("/v1/decisions", "{\"customerId\":\"warm\",\"limit\":10}").get("items").size() == 10);
  }

  @AfterEach
  void stopNode() {
    fixture.close();
  }

  @Test
  void theKnownCustomerTakesOverTheAnonymousHistoryOnceAndKeepsItThroughARestart() {
    String anonymous = "anon-" + UUID.randomUUID();
    String known = "c-" + UUID.randomUUID();
    String tent = firstItemIn("tents");
    String shoe = firstItemIn("shoes");
    String other = firstItemIn("stoves");
    assertEquals(202, node.post("/v1/events", "[" + String.join(",",
        event("a-1", anonymous, "view", tent, "10:00:00"),
        event("a-2", anonymous, "add_to_cart", tent, "10:01:00"),
        event("a-3", anonymous, "click", shoe, "10:02:00")) + "]").statusCode());
    assertEquals(202, node.post("/v1/events", event("k-1", known, "view", other, "09:00:00")).statusCode());
    Eventually.within(SETTLE, "the anonymous and the known events show",
        () -> total(anonymous) == 3 && total(known) == 1);

    // exactly as the browser SDK sends it at identify(): text/plain, no itemId
    HttpResponse<String> merged = node.raw("POST", "/v1/events", "text/plain;charset=UTF-8", merge("m-1", known, anonymous));

    assertEquals(202, merged.statusCode(), merged.body());
    Eventually.within(SETTLE, "the anonymous history is merged", () -> total(known) == 4);
    JsonNode features = node.featuresJson(known);
    assertEquals(2, count(features, "view"), "the known view and the anonymous one");
    assertEquals(1, count(features, "add_to_cart"));
    assertEquals(1, count(features, "click"));
    assertEquals(List.of(shoe, other, tent), texts(features.get("recentItems")), "interleaved, the more recent first");
    assertTrue(features.get("categoryAffinity").has("tents"), features.toString());
    assertEquals(3, total(anonymous), "the anonymous customer keeps its history");

    // the SDK sends a merge at every login: a new event id, the same anonymous id, then a later event
    assertEquals(202, node.raw("POST", "/v1/events", "text/plain", merge("m-2", known, anonymous)).statusCode());
    assertEquals(202, node.post("/v1/events", event("k-2", known, "view", other, "10:10:00")).statusCode());
    Eventually.within(SETTLE, "the later event shows", () -> count(node.featuresJson(known), "view") == 3);
    assertEquals(5, total(known), "the second merge absorbed nothing");
    JsonNode before = node.recordedFeatures(known);

    node = fixture.restart();

    assertEquals(before, node.recordedFeatures(known), "the merged features survive a restart");
  }

  @Test
  void aMergeThatBreaksTheContractIsRefusedNamingTheField() {
    HttpResponse<String> itself = node.raw("POST", "/v1/events", "text/plain", merge("m-1", "c-7", "c-7"));
    HttpResponse<String> noOther =
        node.post("/v1/events", mergeJson("m-2", "c-7", "anon-1").replace(",\"fromCustomerId\":\"anon-1\"", ""));

    assertEquals(400, itself.statusCode());
    assertTrue(itself.body().contains("fromCustomerId"), itself.body());
    assertEquals(400, noOther.statusCode());
    assertTrue(noOther.body().contains("missing required field 'fromCustomerId'"), noOther.body());
  }

  private long total(String customerId) {
    JsonNode events = node.featuresJson(customerId).get("events");
    return events.get("view").asLong() + events.get("click").asLong() + events.get("add_to_cart").asLong()
        + events.get("purchase").asLong();
  }

  private static long count(JsonNode features, String type) {
    return features.get("events").get(type).asLong();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static String firstItemIn(String category) {
    return CATALOG.stream().filter(i -> i.category().equals(category) && i.inStock()).findFirst().orElseThrow().itemId();
  }

  private static String event(String eventId, String customerId, String type, String itemId, String time) {
    return "{\"eventId\":\"" + eventId + "-" + customerId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type
        + "\",\"itemId\":\"" + itemId + "\",\"timestamp\":\"2026-11-26T" + time + "Z\"}";
  }

  private static byte[] merge(String eventId, String customerId, String fromCustomerId) {
    return mergeJson(eventId, customerId, fromCustomerId).getBytes(StandardCharsets.UTF_8);
  }

  private static String mergeJson(String eventId, String customerId, String fromCustomerId) {
    return "{\"eventId\":\"" + eventId + "-" + customerId + "\",\"customerId\":\"" + customerId
        + "\",\"type\":\"merge\",\"fromCustomerId\":\"" + fromCustomerId + "\",\"timestamp\":\"2026-11-26T10:05:00Z\"}";
  }
}
