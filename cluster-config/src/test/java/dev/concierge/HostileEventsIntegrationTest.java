package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.testing.Eventually;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Single events that once stalled or poisoned a node, sent to a real one on the real Kafka and
 * Cassandra: a timestamp a billion years ahead (its customer's actor used to stop on it, and
 * ingestion to wait on that record for ever), an event larger than the topic takes (HTTP used to
 * accept it with a 202, and ingestion then dead-lettered it), and a compressed record larger than the
 * node's producer sends (its dead letter used to fail, and the stream to restart on it for ever while
 * {@code /health/ingestion} said it moved).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileEventsIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final String STALL_AFTER = "10s";
  private static final String FAR_FUTURE = "+1000000000-01-01T00:00:00Z";
  private static final String REASON_HEADER = "concierge-error";
  // a value the dead-letter producer (max.request.size 1 MiB) cannot send whole
  private static final int HUGE_BYTES = 2_000_000;
  private static final int COMPRESSING_MAX_REQUEST = 10_000_000;
  private static final int TRUNCATED_BYTES = 64 * 1024;
  private static final int CUSTOMERS_AFTER = 5;
  private static final int EVENTS_EACH = 4;

  private final ObjectMapper mapper = new ObjectMapper();
  private TestKafka kafka;
  private TestNode node;

  @BeforeAll
  void startNode() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    KafkaSettings topics = TestNode.prepareTopics(namespace);
    kafka = new TestKafka(topics);
    // a stall shows within the test's wait: a record the stream restarted on would be reported
    node = TestNode.start(namespace, ConfigFactory.parseString("concierge.ingestion.stall-after = " + STALL_AFTER));
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aTimestampFarInTheFutureOverHttpIs400NamingTheField() {
    HttpResponse<String> response = node.post("/v1/events", event("http-future", "http-c", FAR_FUTURE));

    assertEquals(400, response.statusCode(), response.body());
    JsonNode error = json(response.body());
    assertEquals(Set.of("error", "message"), Set.copyOf(fieldNames(error)));
    assertEquals("invalid_request", error.get("error").asText());
    assertTrue(error.get("message").asText().startsWith("field 'timestamp' must not be later than"), response.body());
  }

  @Test
  void aTimestampFarInTheFutureOnKafkaIsDeadLetteredWithItsReasonAndIngestionGoesOn() {
    String future = event("kafka-future", "future-c", FAR_FUTURE);
    kafka.produceEvent("future-c", future);
    // the same customer, so the same partition: counted only once the poison record is behind it
    kafka.produceEvent("future-c", event("after-on-its-partition", "future-c", now()));
    kafka.produceEvent("other-c", event("after-for-another-customer", "other-c", now()));

    Eventually.within(SETTLE, "the valid events after the poison are counted",
        () -> views("future-c") == 1 && views("other-c") == 1);
    List<ConsumerRecord<byte[], byte[]>> dead = kafka.deadLetters(1, SETTLE);
    assertEquals(1, dead.size(), "the poison record is dead-lettered");
    assertEquals(future, new String(dead.get(0).value(), StandardCharsets.UTF_8), "as it came");
    String reason = new String(dead.get(0).headers().lastHeader(REASON_HEADER).value(), StandardCharsets.UTF_8);
    assertTrue(reason.startsWith("field 'timestamp' must not be later than"), reason);
  }

  @Test
  void aCompressedRecordLargerThanTheNodeSendsIsDeadLetteredTruncatedAndEveryLaterEventIsCountedWithoutAStall() {
    double restartsBefore = node.http().metric("concierge_ingestion_restarts_total");
    kafka.produceCompressed("big-c", " ".repeat(HUGE_BYTES).getBytes(StandardCharsets.UTF_8), COMPRESSING_MAX_REQUEST);
    kafka.produceEvent("big-c", event("big-after", "big-c", now()));
    for (int customer = 0; customer < CUSTOMERS_AFTER; customer++) {
      for (int i = 0; i < EVENTS_EACH; i++) {
        kafka.produceEvent("after-" + customer, event("after-" + customer + "-" + i, "after-" + customer, now()));
      }
    }

    List<Integer> healthAnswers = new ArrayList<>();
    Eventually.within(SETTLE, "every event after the oversized record is counted", () -> {
      healthAnswers.add(node.get("/health/ingestion").statusCode());
      return views("big-c") == 1 && allCounted();
    });
    Eventually.within(SETTLE, "the oversized record is dead-lettered", () -> deadLetterOf("big-c") != null);

    ConsumerRecord<byte[], byte[]> dead = deadLetterOf("big-c");
    assertEquals(TRUNCATED_BYTES, dead.value().length, "its first 64 KiB");
    assertEquals("true", header(dead, "concierge-truncated"));
    assertEquals(Integer.toString(HUGE_BYTES), header(dead, "concierge-original-bytes"));
    assertTrue(header(dead, REASON_HEADER).startsWith("the record is " + HUGE_BYTES + " bytes"), header(dead, REASON_HEADER));
    assertEquals(Set.of(200), Set.copyOf(healthAnswers), "ingestion was never reported stalled");
    assertEquals(restartsBefore, node.http().metric("concierge_ingestion_restarts_total"), "nor did it restart");
    assertEquals(1, views("big-c"), "exactly once");
    assertTrue(allCounted(), "exactly once each");
  }

  private boolean allCounted() {
    for (int customer = 0; customer < CUSTOMERS_AFTER; customer++) {
      if (node.features("after-" + customer).statusCode() != 200 || views("after-" + customer) != EVENTS_EACH) {
        return false;
      }
    }
    return true;
  }

  private ConsumerRecord<byte[], byte[]> deadLetterOf(String key) {
    for (ConsumerRecord<byte[], byte[]> record : kafka.deadLetters(0, Duration.ZERO)) {
      if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
        return record;
      }
    }
    return null;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void anEventLargerThanTheTopicTakesIsRefusedOverHttpBeforeA202() {
    String padding = "x".repeat(EventJson.MAX_EVENT_BYTES);
    String oversize = event("http-huge", "huge-c", now()).replace("}", ",\"context\":{\"note\":\"" + padding + "\"}}");

    HttpResponse<String> response = node.post("/v1/events", oversize);

    assertTrue(response.statusCode() == 400 || response.statusCode() == 413, response.statusCode() + " " + response.body());
    assertTrue(json(response.body()).get("message").asText().contains("an event is at most"), response.body());
  }

  private long views(String customerId) {
    return json(node.features(customerId).body()).get("events").get("view").asLong();
  }

  private static String now() {
    return Instant.now().toString();
  }

  private static String event(String eventId, String customerId, String timestamp) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"view\","
        + "\"itemId\":\"sku-1\",\"timestamp\":\"" + timestamp + "\"}";
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode json(String body) {
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
