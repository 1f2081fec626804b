package dev.concierge.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.engine.kafka.TopicSpec;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TopicRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Decisions handed to the log arrive on the real Kafka's topic, keyed by customer, as the documented JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDecisionLogIntegrationTest {

  private static final int DECISIONS = 50;
  private static final Duration TOPIC_READY = Duration.ofSeconds(30);
  private static final Duration READ = Duration.ofSeconds(30);
  private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void everyDecisionRecordedArrivesKeyedByItsCustomer() throws Exception {
    String bootstrap = RealServices.kafkaBootstrap();
    DecisionLogFixture fixture = new DecisionLogFixture();
    KafkaTopics.ensure(bootstrap, List.of(TopicSpec.regular(fixture.topic, 2)), TOPIC_READY);
    KafkaDecisionLog decisionLog = fixture.start(testKit.system(), bootstrap);
    List<String> sent = new ArrayList<>(awaitMetadata(decisionLog, fixture));
    double unloggedBefore = fixture.unlogged();
    for (int i = 0; i < DECISIONS; i++) {
      decisionLog.record(DecisionLogFixture.decision("d-" + i, "c-" + (i % 7)));
      sent.add("d-" + i);
    }
    // stopping sends what the producer still holds
    decisionLog.stop().toCompletableFuture().get();

    List<ConsumerRecord<byte[], byte[]>> records =
        TopicRecords.fromStart(bootstrap, fixture.topic, sent.size(), READ);
    Map<String, String> customerByDecision = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      JsonNode decision = json(fixture, record.value());
      assertEquals(decision.get("customerId").asText(), new String(record.key(), StandardCharsets.UTF_8));
      assertEquals("model-v1", decision.get("modelVersion").asText());
      assertEquals("sku-1", decision.get("items").get(0).get("itemId").asText());
      customerByDecision.put(decision.get("decisionId").asText(), decision.get("customerId").asText());
    }
    assertEquals(sent.size(), records.size(), "each decision once");
    assertEquals(new TreeSet<>(sent), customerByDecision.keySet());
    assertEquals(unloggedBefore, fixture.unlogged(), "nothing unlogged once the topic's metadata was there");
  }

  /**
   * Until the producer has the topic's metadata a send fails at once and counts as unlogged; records
   * probes until one is not. Returns the id of the probe that was logged.
   */
  private static List<String> awaitMetadata(KafkaDecisionLog decisionLog, DecisionLogFixture fixture) {
    int[] probes = {0};
    Eventually.within(METADATA_WAIT, "a decision is logged once the topic's metadata is there", () -> {
      double unlogged = fixture.unlogged();
      decisionLog.record(DecisionLogFixture.decision("probe-" + ++probes[0], "c-probe"));
      return fixture.unlogged() == unlogged;
    });
    return List.of("probe-" + probes[0]);
  }

  private static JsonNode json(DecisionLogFixture fixture, byte[] value) throws IOException {
    return fixture.mapper.readTree(value);
  }
}
