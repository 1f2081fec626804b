package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /v1/events} is all or nothing, on a real node and the real Kafka. The events topic here
 * takes record batches of at most 16 KiB, so a request holding one valid 20 KiB event fails in Kafka
 * after its other events were sent: exactly a request that Kafka failed half-way. None of its
 * events may count, and the request retried without that event counts each of them once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomicEventRequestsIntegrationTest {

  private static final int TOPIC_MAX_BATCH_BYTES = 16 * 1024;
  // valid for the API (at most 64 KiB), too large for this topic
  private static final int LARGE_CONTEXT_CHARS = 20 * 1024;
  private static final int CUSTOMERS = 20;
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private TestNode node;

  @BeforeAll
  void startNode() throws Exception {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    KafkaSettings topics = TestNode.prepareTopics(namespace);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin.incrementalAlterConfigs(Map.of(
              new ConfigResource(ConfigResource.Type.TOPIC, topics.eventsTopic()),
              List.of(new AlterConfigOp(
                  new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TOPIC_MAX_BATCH_BYTES)),
                  AlterConfigOp.OpType.SET))))
          .all().get();
    }
    node = TestNode.start(namespace);
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aRequestKafkaFailsHalfWayLeavesNothingAndItsRetryCountsEveryEventOnce() {
    List<String> retried = events("small");
    List<String> failed = new ArrayList<>(retried);
    failed.add(CUSTOMERS / 2, event("large", "atomic-large", "x".repeat(LARGE_CONTEXT_CHARS)));

    HttpResponse<String> failure = node.post("/v1/events", "[" + String.join(",", failed) + "]");
    // the broker refuses the large record half-way through the transaction: a refusal of that record, so
    // the request is told so (413, naming the customer) rather than to retry as it is
    assertEquals(413, failure.statusCode(), failure.body());
    assertTrue(failure.body().contains("atomic-large"), failure.body());
    // each customer's next event comes after the failed one on its partition: once it counts, the failed
    // request's event would have counted too, had any of it been left in Kafka
    assertEquals(202, node.post("/v1/events", "[" + String.join(",", events("next")) + "]").statusCode());
    assertEveryCustomerHas(1, "the failed request left nothing, only the next event counts");

    HttpResponse<String> retry = node.post("/v1/events", "[" + String.join(",", retried) + "]");
    assertEquals(202, retry.statusCode(), retry.body());
    assertEveryCustomerHas(2, "the retried request counts once");
  }

  private void assertEveryCustomerHas(long views, String why) {
    for (int c = 0; c < CUSTOMERS; c++) {
      String customer = customer(c);
      Eventually.within(SETTLE, customer + " has " + views + " events",
          () -> node.featuresOf(customer).events().total() >= views);
      assertEquals(views, node.featuresOf(customer).events().view(), customer + ": " + why);
    }
  }

  private static List<String> events(String prefix) {
    List<String> events = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      events.add(event(prefix + "-" + c, customer(c), ""));
    }
    return events;
  }

  private static String customer(int index) {
    return "atomic-c-" + index;
  }

  private static String event(String eventId, String customerId, String note) {
    String context = note.isEmpty() ? "" : ",\"context\":{\"note\":\"" + note + "\"}";
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"view\","
        + "\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"" + context + "}";
  }
}
