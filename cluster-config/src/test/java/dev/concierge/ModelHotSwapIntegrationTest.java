package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.RecommenderFixtures;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Trained bundles published and activated through the admin API of a real node, on the real Kafka
 * and Cassandra: activation swaps the model under load with no failed request, and an experiment
 * splits customers between two bundles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelHotSwapIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final List<CatalogItem> ITEMS = DemoCatalog.generate(200, 7);
  private static final int LOAD_THREADS = 3;
  private static final int SWAPPED_ANSWERS_CHECKED = 10;

  private final BundleArchive archives = new BundleArchive(new ObjectMapper());
  private TestKafka kafka;
  private TestNode node;
  private byte[] linear;
  private byte[] trees;

  @BeforeAll
  void trainBundlesAndStartANode() {
    List<CustomerEvent> history = ShopperSimulation.of(SimulationSettings.of(150, 12_000, 3), ITEMS).stream().toList();
    Instant until = history.get(history.size() - 1).timestamp();
    BundleTrainer trainer = trainer();
    linear = archives.write(trainer.train(history, Catalog.of(ITEMS), until, ModelTrainer.LOGISTIC_REGRESSION, "lr-1"));
    trees = archives.write(trainer.train(history, Catalog.of(ITEMS), until, ModelTrainer.GRADIENT_BOOSTED_TREES, "xgb-1"));

    TestNode.Namespace namespace = TestNode.Namespace.unique();
    KafkaSettings topics = TestNode.prepareTopics(namespace);
    kafka = new TestKafka(topics);
    kafka.loadCatalog(ITEMS);
    node = TestNode.start(namespace);
    Eventually.within(SETTLE, "the node has read the catalog", () -> decision("c-0").get("items").size() == 10);
  }

  @AfterAll
  void stopNode() {
    node.close();
    kafka.close();
  }

  @Test
  void activatingAnotherBundleChangesTheModelUnderLoadWithoutAFailedRequest() throws Exception {
    assertEquals(201, publish(linear).statusCode(), "publishing a new version");
    assertEquals(409, publish(linear).statusCode(), "a version is published once");
    assertEquals(200, activate("lr-1").statusCode());
    Eventually.within(SETTLE, "decisions come from lr-1", () -> "lr-1".equals(decision("c-1").get("modelVersion").asText()));
    assertPersonalAnswersFrom("lr-1");
    assertEquals(201, publish(trees).statusCode());

    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
    List<Thread> load = new ArrayList<>();
    for (int t = 0; t < LOAD_THREADS; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        int i = 0;
        while (loading.get()) {
          HttpResponse<String> response =
              node.post("/v1/decisions", "{\"customerId\":\"load-" + thread + "-" + (i++ % 50) + "\",\"limit\":10}");
          if (response.statusCode() != 200) {
            failures.merge(response.statusCode(), 1, Integer::sum);
          } else {
            versionsSeen.add(json(response).get("modelVersion").asText());
          }
          answered.incrementAndGet();
        }
      });
      worker.start();
      load.add(worker);
    }
    Eventually.within(SETTLE, "load is flowing", () -> answered.get() > 20);
    assertEquals(200, activate("xgb-1").statusCode());
    Eventually.within(SETTLE, "decisions come from xgb-1", () -> "xgb-1".equals(decision("c-1").get("modelVersion").asText()));
    assertPersonalAnswersFrom("xgb-1");
    int atSwap = answered.get();
    Eventually.within(SETTLE, "load continues after the swap", () -> answered.get() > atSwap + 20);
    loading.set(false);
    for (Thread thread : load) {
      thread.join();
    }

    assertEquals(Map.of(), failures, "no request failed during the swap");
    assertTrue(versionsSeen.containsAll(Set.of("lr-1", "xgb-1")), "the load saw both models: " + versionsSeen);
    System.out.printf("hot swap: %d decisions during the swap, versions %s%n", answered.get(), versionsSeen);
  }

  @Test
  void anExperimentSplitsCustomersBetweenBundlesAndTheAnswerSaysWhichArm() {
    publish(linear);
    publish(trees);
    HttpResponse<String> started =
        node.admin("PUT", "/admin/experiments/linear-vs-trees",
            HttpRequest.BodyPublishers.ofString("{\"arms\":{\"lr-1\":1,\"xgb-1\":1}}"));
    assertEquals(200, started.statusCode(), started.body());

    Eventually.within(SETTLE, "decisions report the experiment", () -> "linear-vs-trees".equals(decision("c-2").get("experiment").asText()));
    Set<String> arms = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      JsonNode answer = decision("ab-" + i);
      assertEquals(answer.get("arm").asText(), answer.get("modelVersion").asText(), "the arm is the model that answered");
      assertFalse(answer.get("fallback").asBoolean(), "the arm's model answered, not the fallback: " + answer);
      arms.add(answer.get("arm").asText());
      assertEquals(answer.get("arm").asText(), decision("ab-" + i).get("arm").asText(), "a customer keeps their arm");
    }
    assertEquals(Set.of("lr-1", "xgb-1"), arms);
    JsonNode logged =
        kafka.decisions(Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
            .map(record -> json(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)))
            .filter(decision -> decision.get("customerId").asText().equals("ab-0"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the decision for ab-0 is in the decisions topic"));
    assertEquals("linear-vs-trees", logged.get("experiment").asText());
    assertEquals(logged.get("arm").asText(), logged.get("modelVersion").asText());
    assertEquals(10, logged.get("items").size());

    assertEquals(200, node.admin("PUT", "/admin/experiments/linear-vs-trees", HttpRequest.BodyPublishers.ofString("{\"arms\":{}}")).statusCode());
  }

  /**
   * Once a swap shows, customers old and new get the swapped-in model's own answers: a fallback
   * answer (the deadline missed, or the model failing) also names the active version, so the version
   * alone does not show that the model serves.
   */
  private void assertPersonalAnswersFrom(String version) {
    for (int i = 0; i < SWAPPED_ANSWERS_CHECKED; i++) {
      JsonNode answer = decision("after-" + version + "-" + i);
      assertEquals(version, answer.get("modelVersion").asText(), answer.toString());
      assertFalse(answer.get("fallback").asBoolean(), "a personal answer after the swap: " + answer);
      assertEquals(10, answer.get("items").size(), answer.toString());
    }
  }

  private HttpResponse<String> publish(byte[] archive) {
    return node.admin("POST", "/admin/models", HttpRequest.BodyPublishers.ofByteArray(archive));
  }

  private HttpResponse<String> activate(String version) {
    return node.admin("POST", "/admin/models/" + version + "/activate", HttpRequest.BodyPublishers.noBody());
  }

  private JsonNode decision(String customerId) {
    return node.postJson("/v1/decisions", "{\"customerId\":\"" + customerId + "\",\"limit\":10}");
  }

  private static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  private static BundleTrainer trainer() {
    return new BundleTrainer(RecommenderFixtures.RECOMMENDER, RecommenderFixtures.TRAINING, Clock.systemUTC());
  }

}
