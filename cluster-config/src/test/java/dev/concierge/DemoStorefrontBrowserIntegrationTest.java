package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TopicRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo storefront and the snippet of docs/storefront.md in a real browser: Playwright (from npm)
 * drives Debian's Chromium, headless, against a real node on the real Kafka and Cassandra
 * ({@code src/test/browser/storefront.mjs}). The browser clicks three products of one category; this test
 * then holds the node to what the shopper saw: the widget answered within a second of the last click and
 * showed mostly that category, the events arrived (read with the server key), and the decision a click
 * on a recommended item carried is on the {@code decisions} topic. The screenshot goes to
 * {@code target/demo-storefront.png} (docs/images/demo-storefront.png is a copy).
 */
class DemoStorefrontBrowserIntegrationTest {

  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(400, 11);
  private static final String CATEGORY = "tents";
  private static final String PUBLISHABLE_KEY = "pk_it_demo";
  // the browser script serves the snippet's page here, as a shop's own server on another origin, which the
  // node allows for CORS (on loopback too: Chromium blocks a public origin from calling a loopback address)
  private static final String SHOP_ORIGIN = "http://127.0.0.1:" + RealServices.freePort();
  private static final Path BROWSER_TESTS = Path.of("src/test/browser");
  private static final Path SCREENSHOT = Path.of("target/demo-storefront.png");
  private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final long WIDGET_WITHIN_MS = 1000;
  private static final int GRID_CLICKS = 3;
  private static final int WARM_UP_REQUESTS = 200;

  private static TestNode.Namespace namespace;
  private static KafkaSettings topics;
  private static TestNode node;
  private static JsonNode result;

  @BeforeAll
  static void runTheBrowser() throws Exception {
    namespace = TestNode.Namespace.unique();
    topics = TestNode.prepareTopics(namespace);
    try (TestKafka kafka = new TestKafka(topics)) {
      kafka.loadCatalog(CATALOG);
    }
    Config storefront = ConfigFactory.parseMap(Map.of(
        "concierge.demo.enabled", true,
        "concierge.demo.publishable-key", PUBLISHABLE_KEY,
        "concierge.http.publishable-key", PUBLISHABLE_KEY,
        "concierge.http.cors.allowed-origins", List.of(SHOP_ORIGIN)));
    node = TestNode.start(namespace, storefront);
    Eventually.within(SETTLE, "the demo lists the catalog",
        () -> node.getJson("/demo/catalog.json").get("items").size() == CATALOG.size());
    warmUp();
    result = browse(node.http().uri("/").toString().replaceAll("/$", ""));
  }

  // a storefront's node has answered requests before its shoppers click: the test's JVM compiles the
  // decision and event paths first, so that the second the widget has is not spent on a cold start
  private static void warmUp() {
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      String event = "{\"eventId\":\"warm-" + i + "\",\"customerId\":\"warm-up\",\"type\":\"view\",\"itemId\":\""
          + CATALOG.get(i % CATALOG.size()).itemId() + "\",\"timestamp\":\"" + java.time.Instant.now() + "\"}";
      assertEquals(202, node.http().raw("POST", "/v1/events", "application/json", TestNode.SERVER_KEY,
          event.getBytes(StandardCharsets.UTF_8)).statusCode());
      assertEquals(200, node.http().raw("POST", "/v1/decisions", "application/json", TestNode.SERVER_KEY,
          "{\"customerId\":\"warm-up\",\"limit\":6}".getBytes(StandardCharsets.UTF_8)).statusCode());
    }
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void withinASecondOfTheThirdClickOnACategoryTheWidgetShowsMostlyThatCategory() {
    JsonNode demo = result.get("demo");
    List<String> shown = texts(demo.get("widget").get("categories"));
    long inCategory = shown.stream().filter(CATEGORY::equals).count();
    assertTrue(demo.get("msAfterLastClick").asLong() <= WIDGET_WITHIN_MS, "the widget answered late: " + demo);
    assertTrue(inCategory * 2 > shown.size(), "mostly " + CATEGORY + ", but it showed " + shown);
    assertTrue(texts(demo.get("widget").get("reasons")).size() > 0, "the widget shows why: " + demo);
    assertTrue(Files.exists(SCREENSHOT), "the screenshot was saved");
  }

  @Test
  void theShoppersEventsArriveAndTheServerKeyReadsThem() {
    JsonNode demo = result.get("demo");
    String customer = demo.get("customerId").asText();
    assertTrue(customer.startsWith("anon-"), "the demo's shopper is anonymous until sign-in: " + customer);
    // three products from the grid and one recommended item: a click and a product view each
    int clicks = GRID_CLICKS + 1;
    Eventually.within(SETTLE, "the clicks and views are the customer's features",
        () -> count(customer, "click") == clicks && count(customer, "view") == clicks,
        () -> node.features(customer).body());
    JsonNode features = node.featuresJson(customer);
    List<String> viewed = texts(features.get("viewedItems"));
    for (String item : texts(demo.get("clicked"))) {
      assertTrue(viewed.contains(item), item + " viewed: " + viewed);
    }
    assertEquals(401, node.http().get("/v1/customers/" + customer + "/features").statusCode(),
        "without the server key the features stay closed");
  }

  @Test
  void theDecisionIdOfAClickOnARecommendedItemIsOnTheDecisionsTopic() {
    JsonNode demo = result.get("demo");
    String decisionId = demo.get("recommendedDecision").asText();
    assertTrue(!decisionId.isEmpty(), "the recommended item carried its decision: " + demo);
    Eventually.within(SETTLE, "the click event carries the decision id",
        () -> clickOf(demo.get("recommendedItem").asText(), decisionId));
    Eventually.within(SETTLE, "the decision is on the decisions topic", () -> decisionLogged(decisionId));
  }

  @Test
  void theSnippetOfTheStorefrontPageRunsAsWrittenFromAnotherOrigin() {
    JsonNode snippet = result.get("snippet");
    String customer = snippet.get("customerId").asText();
    assertTrue(snippet.get("shown").asInt() > 0, "the snippet rendered recommendations: " + snippet);
    Eventually.within(SETTLE, "the snippet's view and click arrived",
        () -> count(customer, "view") == 1 && count(customer, "click") == 1, () -> node.features(customer).body());
    assertEquals(List.of("sku-7"), texts(node.featuresJson(customer).get("viewedItems")));
    Eventually.within(SETTLE, "the snippet's decision is on the decisions topic",
        () -> decisionLogged(snippet.get("decisionId").asText()));
  }

  private static JsonNode browse(String nodeUrl) throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOT.getParent());
    ProcessBuilder browser = new ProcessBuilder("node", "storefront.mjs")
        .directory(BROWSER_TESTS.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    browser.environment().putAll(Map.of(
        "DEMO_URL", nodeUrl + "/demo/",
        "NODE_URL", nodeUrl,
        "CHROMIUM", System.getProperty("concierge.it.chromium", "/usr/bin/chromium"),
        "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString(),
        "SNIPPET_PAGE", Path.of("../docs/storefront.md").toAbsolutePath().toString(),
        "SDK_FILE", Path.of("../sdk/js/src/index.js").toAbsolutePath().toString(),
        "SHOP_ORIGIN", SHOP_ORIGIN,
        "PUBLISHABLE_KEY", PUBLISHABLE_KEY,
        "CATEGORY", CATEGORY));
    Process process = browser.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the browser test did not finish within " + BROWSER_TIMEOUT + ": " + output);
    }
    assertEquals(0, process.exitValue(), "the browser test failed (its errors are in the test log): " + output);
    String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new AssertionError("no RESULT line: " + output));
    System.out.println("the browser saw: " + line);
    return new ObjectMapper().readTree(line.substring("RESULT ".length()));
  }

  private static long count(String customer, String type) {
    return node.featuresJson(customer).get("events").path(type).asLong();
  }

  private static boolean clickOf(String itemId, String decisionId) {
    return records(topics.eventsTopic()).stream().anyMatch(event ->
        event.path("type").asText().equals("click") && event.path("itemId").asText().equals(itemId)
            && event.path("context").path("decisionId").asText().equals(decisionId));
  }

  private static boolean decisionLogged(String decisionId) {
    return records(topics.decisionsTopic()).stream()
        .anyMatch(decision -> decision.path("decisionId").asText().equals(decisionId));
  }

  private static List<JsonNode> records(String topic) {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : TopicRecords.fromStart(topics.bootstrapServers(), topic, 0, Duration.ZERO)) {
      try {
        values.add(mapper.readTree(record.value()));
      } catch (IOException e) {
        throw new AssertionError("not JSON on " + topic, e);
      }
    }
    return values;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
