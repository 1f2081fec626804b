package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /admin/catalog/items} on a real node, Kafka and Cassandra: items put over HTTP reach the
 * catalog topic and the node's decisions; a stock update takes an item out of them, a deletion is a
 * tombstone that removes it; an invalid body writes nothing.
 */
class CatalogOverHttpIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration NOTHING_MORE = Duration.ofSeconds(3);
  private static final String NDJSON = "application/x-ndjson";

  private final ObjectMapper mapper = new ObjectMapper();
  private TestKafka kafka;
  private TestNode node;

  @BeforeEach
  void start() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    KafkaSettings topics = TestNode.prepareTopics(namespace);
    kafka = new TestKafka(topics);
    node = TestNode.start(namespace);
  }

  @AfterEach
  void stop() {
    node.close();
    kafka.close();
  }

  @Test
  void itemsPutOverHttpAreDecidedUponUntilTheirStockRunsOutAndTheyAreDeleted() throws Exception {
    JsonNode created = json(put("application/json", "["
        + "{\"itemId\":\"sku-1\",\"category\":\"tents\",\"price\":199,\"title\":\"Ridge tent\",\"popularity\":30},"
        + "{\"itemId\":\"sku-2\",\"category\":\"tents\",\"price\":99,\"title\":\"Trail tent\",\"popularity\":20},"
        + "{\"itemId\":\"sku-3\",\"category\":\"bags\",\"price\":30,\"title\":\"Day pack\",\"popularity\":10}]"), 200);
    assertEquals(3, created.get("accepted").asInt());
    assertEquals(3, created.get("created").asInt());
    Eventually.within(SETTLE, "the three items are decided upon",
        () -> decided().equals(Set.of("sku-1", "sku-2", "sku-3")));

    JsonNode soldOut = json(put(NDJSON, "{\"itemId\":\"sku-1\",\"inStock\":false}\n{\"itemId\":\"sku-2\",\"price\":89}\n"), 200);
    assertEquals(2, soldOut.get("updated").asInt());
    Eventually.within(SETTLE, "the item out of stock leaves the decisions", () -> decided().equals(Set.of("sku-2", "sku-3")));
    assertEquals(89.0, lastRecordOf("sku-2").get("price").asDouble(),
        "a partial update keeps the rest of the item: " + lastRecordOf("sku-2"));
    assertEquals("Trail tent", lastRecordOf("sku-2").get("title").asText());

    JsonNode deleted = json(put(NDJSON, "{\"itemId\":\"sku-3\",\"deleted\":true}"), 200);
    assertEquals(1, deleted.get("deleted").asInt());
    Eventually.within(SETTLE, "the deleted item leaves the decisions", () -> decided().equals(Set.of("sku-2")));
    ConsumerRecord<byte[], byte[]> tombstone = catalogRecords(6).get(5);
    assertEquals("sku-3", new String(tombstone.key(), StandardCharsets.UTF_8));
    assertNull(tombstone.value(), "a deletion is a tombstone on the compacted topic");
  }

  @Test
  void anInvalidBodyIsA400NamingTheLineAndWritesNothing() throws Exception {
    json(put(NDJSON, "{\"itemId\":\"sku-1\",\"category\":\"tents\"}"), 200);

    HttpResponse<String> refused = put(NDJSON,
        "{\"itemId\":\"sku-2\",\"category\":\"tents\"}\n{\"itemId\":\"sku-3\",\"category\":\"bags\",\"price\":-5}\n");
    JsonNode error = json(refused, 400);
    assertEquals("invalid_request", error.get("error").asText());
    assertTrue(error.get("message").asText().contains("line 2") && error.get("message").asText().contains("'price'"),
        error.toString());

    HttpResponse<String> unknown = put(NDJSON, "{\"itemId\":\"sku-404\",\"price\":5}");
    assertTrue(json(unknown, 400).get("message").asText().contains("sku-404"));

    assertEquals(1, kafka.catalogRecords(2, NOTHING_MORE).size(), "only the first, valid request wrote to the topic");
  }

  private HttpResponse<String> put(String contentType, String body) {
    return node.http().send(TestHttp.withBearer(TestHttp.request("PUT", node.http().uri("/admin/catalog/items"),
        contentType, HttpRequest.BodyPublishers.ofString(body)), TestNode.ADMIN_TOKEN));
  }

  private JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    return mapper.readTree(response.body());
  }

  private Set<String> decided() {
    JsonNode decision = node.postJson("/v1/decisions", "{\"customerId\":\"c-catalog\",\"limit\":10}");
    List<String> items = new ArrayList<>();
    decision.path("items").forEach(item -> items.add(item.get("itemId").asText()));
    return Set.copyOf(items);
  }

  private List<ConsumerRecord<byte[], byte[]>> catalogRecords(int count) {
    List<ConsumerRecord<byte[], byte[]>> records = kafka.catalogRecords(count, SETTLE);
    assertEquals(count, records.size());
    return records;
  }

  private JsonNode lastRecordOf(String itemId) throws Exception {
    JsonNode last = null;
    for (ConsumerRecord<byte[], byte[]> record : kafka.catalogRecords(5, SETTLE)) {
      if (itemId.equals(new String(record.key(), StandardCharsets.UTF_8)) && record.value() != null) {
        last = mapper.readTree(record.value());
      }
    }
    return last;
  }
}
