package dev.concierge;

import dev.concierge.testing.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop on real parts: Kafka event, sharded persistent customer actor on Cassandra, HTTP
 * decision. Each test owns its topics, consumer group and keyspace.
 */
class NodeIntegrationTest {

  private static final Duration FRESHNESS = Duration.ofSeconds(2);
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(200, 7);
  private static final Map<String, String> CATEGORY_OF =
      CATALOG.stream().collect(Collectors.toMap(CatalogItem::itemId, CatalogItem::category));

  private CatalogNode fixture;
  private TestKafka kafka;
  private TestNode node;

  @BeforeEach
  void startNode() {
    fixture = CatalogNode.start(CATALOG);
    kafka = fixture.kafka();
    node = fixture.node();
    Eventually.within(SETTLE, "the node has read the catalog", () -> decisionFor("c-anonymous").get("items").size() == 10);
  }

  @AfterEach
  void stopNode() {
    fixture.close();
  }

  @Test
  void anEventOnKafkaShowsInTheFeaturesAndChangesTheNextDecisionWithinTwoSeconds() {
    warmUp();
    List<String> before = itemIds(decisionFor("c-1"));
    List<CatalogItem> tents = CATALOG.stream().filter(i -> i.category().equals("tents")).limit(3).toList();

    for (int i = 0; i < tents.size(); i++) {
      kafka.produceEvent("c-1", event("e-" + i, "c-1", "view", tents.get(i).itemId()));
    }
    Duration took =
        Eventually.within(FRESHNESS, "three views show in the features", () -> views("c-1") == 3);

    JsonNode decision = decisionFor("c-1");
    List<String> after = itemIds(decision);
    assertFalse(decision.get("fallback").asBoolean());
    assertEquals(4, UUID.fromString(decision.get("decisionId").asText()).version());
    assertNotEquals(before, after, "the decision should change after the events");
    assertEquals("tents", CATEGORY_OF.get(after.get(0)), "the shopper who viewed tents is shown tents first");
    assertTrue(features("c-1").get("categoryAffinity").get("tents").asDouble() > 0.99);
    System.out.printf("event-to-feature freshness: %d ms%n", took.toMillis());
  }

  @Test
  void anItemSetOutOfStockInTheCatalogLeavesTheAnswersWithinTwoSeconds() {
    String bestSeller = itemIds(decisionFor("c-6")).get(0);
    CatalogItem item = CATALOG.stream().filter(i -> i.itemId().equals(bestSeller)).findFirst().orElseThrow();

    kafka.loadCatalog(List.of(new CatalogItem(item.itemId(), item.category(), item.price(), false, item.title(), item.popularity())));

    Eventually.within(FRESHNESS, bestSeller + " is no longer recommended", () -> !itemIds(decisionFor("c-6")).contains(bestSeller));
  }

  @Test
  void aRedeliveredEventIdCountsOnce() {
    String tent = firstItemIn("tents");
    String shoe = firstItemIn("shoes");
    kafka.produceEvent("c-2", event("dup-1", "c-2", "view", tent));
    kafka.produceEvent("c-2", event("dup-1", "c-2", "view", tent));
    kafka.produceEvent("c-2", event("dup-2", "c-2", "view", shoe));

    // the same partition is processed in order, so once dup-2 shows, the duplicate was handled
    Eventually.within(SETTLE, "the last event shows", () -> recentItems("c-2").contains(shoe));
    assertEquals(2, views("c-2"));
    assertTrue(node.http().metric("concierge_events_total{result=\"duplicate\"}") >= 1, "the redelivery is counted in /metrics");
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodRecordIsStillProcessed() {
    kafka.produceEvent("c-3", "this is not json");
    kafka.produceEvent("c-3", "{\"eventId\":\"e-x\",\"customerId\":\"c-3\",\"type\":\"view\"}");
    kafka.produceEvent("c-3", event("good-1", "c-3", "click", firstItemIn("shoes")));

    Eventually.within(SETTLE, "the good record after the bad ones is processed", () -> clicks("c-3") == 1);
    // dead letters are produced concurrently, so their order in the topic is not the input's
    Map<String, ConsumerRecord<byte[], byte[]>> dead = kafka.deadLetters(2, SETTLE).stream()
        .collect(Collectors.toMap(record -> new String(record.value(), StandardCharsets.UTF_8), record -> record));
    assertEquals(2, dead.size(), dead.keySet().toString());
    ConsumerRecord<byte[], byte[]> notJson = dead.get("this is not json");
    assertTrue(reason(notJson).startsWith("not valid JSON"), reason(notJson));
    ConsumerRecord<byte[], byte[]> notAnEvent = dead.get("{\"eventId\":\"e-x\",\"customerId\":\"c-3\",\"type\":\"view\"}");
    assertEquals("missing required field 'itemId'", reason(notAnEvent));
    assertEquals("c-3", new String(notAnEvent.key(), StandardCharsets.UTF_8));
    assertTrue(node.http().metric("concierge_dead_letters_total") >= 2, "dead letters are counted in /metrics");
  }

  @Test
  void featuresAreRecoveredFromCassandraAfterTheNodeRestarts() {
    List<String> items = CATALOG.stream().filter(i -> i.category().equals("socks")).limit(5).map(CatalogItem::itemId).toList();
    for (int i = 0; i < items.size(); i++) {
      kafka.produceEvent("c-4", event("r-" + i, "c-4", i == 4 ? "purchase" : "view", items.get(i)));
    }
    Eventually.within(SETTLE, "all five events show", () -> eventCount("c-4", "purchase") == 1);
    JsonNode before = node.recordedFeatures("c-4");

    node = fixture.restart();

    assertEquals(before, node.recordedFeatures("c-4"));
    assertFalse(itemIds(decisionFor("c-4")).contains(items.get(4)), "a purchased item is not recommended");
  }

  @Test
  void eventsPostedOverHttpReachTheCustomerThroughKafka() {
    String tent = firstItemIn("tents");
    HttpResponse<String> accepted =
        node.post("/v1/events", "[" + event("h-1", "c-5", "view", tent) + "," + event("h-2", "c-5", "add_to_cart", tent) + "]");

    assertEquals(202, accepted.statusCode());
    assertEquals("{\"accepted\":2}", accepted.body());
    Eventually.within(SETTLE, "both events show", () -> eventCount("c-5", "add_to_cart") == 1 && views("c-5") == 1);
  }

  @Test
  void anEmptyDecisionRequestIsA400WithAJsonError() {
    HttpResponse<String> response = node.post("/v1/decisions", "{}");

    assertEquals(400, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode error = node.postJson("/v1/decisions", "{}");
    assertEquals("invalid_request", error.get("error").asText());
    assertTrue(error.get("message").asText().contains("customerId"));
  }

  private void warmUp() {
    kafka.produceEvent("c-warm", event("w-1", "c-warm", "view", firstItemIn("shoes")));
    Eventually.within(SETTLE, "the first event after start is processed", () -> views("c-warm") == 1);
  }

  private JsonNode decisionFor(String customerId) {
    return node.postJson("/v1/decisions", "{\"customerId\":\"" + customerId + "\",\"limit\":10}");
  }

  private JsonNode features(String customerId) {
    return node.featuresJson(customerId);
  }

  private long views(String customerId) {
    return eventCount(customerId, "view");
  }

  private long clicks(String customerId) {
    return eventCount(customerId, "click");
  }

  private long eventCount(String customerId, String type) {
    return features(customerId).get("events").get(type).asLong();
  }

  private List<String> recentItems(String customerId) {
    return texts(features(customerId).get("recentItems"), JsonNode::asText);
  }

  private static List<String> itemIds(JsonNode decision) {
    return texts(decision.get("items"), item -> item.get("itemId").asText());
  }

  private static List<String> texts(JsonNode array, Function<JsonNode, String> text) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(text.apply(node)));
    return values;
  }

  private static String firstItemIn(String category) {
    return CATALOG.stream().filter(i -> i.category().equals(category) && i.inStock()).findFirst().orElseThrow().itemId();
  }

  private static String reason(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.headers().lastHeader("concierge-error").value(), StandardCharsets.UTF_8);
  }

  private static String event(String eventId, String customerId, String type, String itemId) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type
        + "\",\"itemId\":\"" + itemId + "\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  }
}
