package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.testing.Eventually;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The active model and the experiments outlive a restart of the whole cluster: activated through the
 * admin API of a real node, on the real Kafka and Cassandra, they serve again once every node (here
 * the cluster's only one) has stopped and started again, with nothing activated anew.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelDurabilityIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final List<CatalogItem> ITEMS = DemoCatalog.generate(200, 7);
  private static final String EXPERIMENT = "durable-ab";
  private static final int CUSTOMERS = 20;
  private static final int LIMIT = 10;

  private final ObjectMapper mapper = new ObjectMapper();
  private final BundleArchive archives = new BundleArchive(mapper);
  private TestNode.Namespace namespace;
  private TestKafka kafka;
  private TestNode node;
  private ModelBundle trained;

  @BeforeAll
  void trainABundleAndStartANode() {
    trained = train();
    namespace = TestNode.Namespace.unique();
    kafka = new TestKafka(TestNode.prepareTopics(namespace));
    kafka.loadCatalog(ITEMS);
    node = TestNode.start(namespace);
    Eventually.within(SETTLE, "the node has read the catalog", () -> decision("c-0").get("items").size() == LIMIT);
  }

  @AfterAll
  void stopNode() {
    node.close();
    kafka.close();
  }

  @Test
  void theActiveModelAndTheExperimentServeAgainAfterEveryNodeRestarted() {
    assertEquals(201, publish("lr-1").statusCode());
    assertEquals(201, publish("lr-2").statusCode());
    assertEquals(200, admin("POST", "/admin/models/lr-1/activate", "").statusCode());
    HttpResponse<String> started = admin("PUT", "/admin/experiments/" + EXPERIMENT, "{\"arms\":{\"lr-1\":1,\"lr-2\":1}}");
    assertEquals(200, started.statusCode(), started.body());
    Eventually.within(SETTLE, "decisions report the experiment", () -> servesTheExperiment(decision("ab-0")));
    Map<String, String> armsBefore = new HashMap<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      armsBefore.put("ab-" + i, personalAnswerInTheExperiment("ab-" + i).get("arm").asText());
    }

    node.close();
    node = TestNode.start(namespace);

    Eventually.within(SETTLE, "the restarted node serves the stored experiment", () -> servesTheExperiment(decision("ab-0")));
    for (Map.Entry<String, String> before : armsBefore.entrySet()) {
      assertEquals(before.getValue(), personalAnswerInTheExperiment(before.getKey()).get("arm").asText(),
          before.getKey() + " keeps their arm across the restart");
    }
    JsonNode experiments = json(admin("GET", "/admin/experiments", null));
    assertEquals("lr-1", experiments.get("activeVersion").asText(), experiments.toString());
    JsonNode arms = experiments.path("experiments").path(EXPERIMENT).path("arms");
    assertEquals(Map.of("lr-1", 1.0, "lr-2", 1.0), Map.of("lr-1", arms.path("lr-1").asDouble(), "lr-2", arms.path("lr-2").asDouble()),
        experiments.toString());
    JsonNode install = json(admin("GET", "/admin/models", null)).get("install");
    assertEquals(2, install.get("servingGeneration").asLong(), "activation and experiment were generations 1 and 2: " + install);

    // ending the experiment (generation 3, after the stored 2) leaves the active version that outlived the restart
    assertEquals(200, admin("PUT", "/admin/experiments/" + EXPERIMENT, "{\"arms\":{}}").statusCode());
    Eventually.within(SETTLE, "decisions come from lr-1 outside any experiment",
        () -> decision("ab-0").get("experiment").isNull());
    for (int i = 0; i < CUSTOMERS; i++) {
      JsonNode answer = decision("ab-" + i);
      assertEquals("lr-1", answer.get("modelVersion").asText(), answer.toString());
      assertFalse(answer.get("fallback").asBoolean(), "the active model answered, not the fallback: " + answer);
    }
    assertEquals(3, json(admin("GET", "/admin/models", null)).get("install").get("servingGeneration").asLong());
  }

  private static boolean servesTheExperiment(JsonNode answer) {
    return EXPERIMENT.equals(answer.path("experiment").asText()) && !answer.get("fallback").asBoolean();
  }

  /** A decision that the customer's arm answered itself: not the fallback, which also names the arm. */
  private JsonNode personalAnswerInTheExperiment(String customerId) {
    JsonNode answer = decision(customerId);
    assertEquals(EXPERIMENT, answer.get("experiment").asText(), answer.toString());
    assertEquals(answer.get("arm").asText(), answer.get("modelVersion").asText(), answer.toString());
    assertFalse(answer.get("fallback").asBoolean(), "the arm's model answered, not the fallback: " + answer);
    assertEquals(LIMIT, answer.get("items").size(), answer.toString());
    return answer;
  }

  /** The trained bundle, published under {@code version}: the arms differ by name only, which is all the test needs. */
  private HttpResponse<String> publish(String version) {
    ModelBundle bundle =
        new ModelBundle(version, trained.kind(), trained.schema(), trained.model(), trained.tables(), trained.metadata());
    return node.admin("POST", "/admin/models", HttpRequest.BodyPublishers.ofByteArray(archives.write(bundle)));
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return node.admin(
        method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
  }

  private JsonNode decision(String customerId) {
    return node.postJson("/v1/decisions", "{\"customerId\":\"" + customerId + "\",\"limit\":" + LIMIT + "}");
  }

  private JsonNode json(HttpResponse<String> response) {
    try {
      return mapper.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.statusCode() + ": " + response.body(), e);
    }
  }

  private static ModelBundle train() {
    Config concierge = ConfigFactory.load().getConfig("concierge");
    CustomerSettings customers = CustomerSettings.fromConfig(concierge);
    List<CustomerEvent> history = ShopperSimulation.of(SimulationSettings.of(100, 8_000, 3), ITEMS).stream().toList();
    return new BundleTrainer(
            new Recommender(customers.recommender(), customers.features()), TrainingSettings.fromConfig(concierge),
            Clock.systemUTC())
        .train(history, Catalog.of(ITEMS), history.get(history.size() - 1).timestamp(),
            ModelTrainer.LOGISTIC_REGRESSION, "lr");
  }
}
