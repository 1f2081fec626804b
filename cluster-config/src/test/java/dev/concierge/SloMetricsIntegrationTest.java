package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.Eventually;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A running node's /metrics holds every meter its SLOs, dashboard and alerts are built on, with values
 * after some traffic; and every series the dashboard and the alert rules under {@code monitoring/} ask
 * Prometheus for is one the node exposes.
 */
class SloMetricsIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(50, 7);
  private static final Path MONITORING = Path.of("monitoring");
  // a metric's name in PromQL: not a function or an aggregation (followed by "("), a label, a string, a
  // range or a keyword
  private static final Pattern NAME = Pattern.compile("(?<![\\w$:.])[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\w|\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset");

  private CatalogNode fixture;
  private TestKafka kafka;
  private TestNode node;

  @BeforeEach
  void startNode() {
    fixture = CatalogNode.start(CATALOG, ConfigFactory.parseString(String.join("\n",
        "concierge.metrics.sharding-poll-every = 1s",
        "concierge.metrics.kafka-refresh-every = 1s",
        // customers stop soon after their traffic, so that passivations count
        "pekko.cluster.sharding.passivation.default-strategy.idle-entity.timeout = 3s")));
    kafka = fixture.kafka();
    node = fixture.node();
  }

  @AfterEach
  void stopNode() {
    fixture.close();
  }

  @Test
  void aNodeAfterTrafficExposesEveryMeterOfItsSlosWithValues() {
    traffic();

    Eventually.within(SETTLE, "every SLO meter has a value", () -> missing(node.get("/metrics").body()).isEmpty(),
        () -> "missing: " + missing(node.get("/metrics").body()));
  }

  @Test
  void everySeriesTheDashboardAndTheAlertsUseIsExposedByTheNode() throws IOException {
    traffic();
    Eventually.within(SETTLE, "the node has all its meters", () -> missing(node.get("/metrics").body()).isEmpty());
    Set<String> exposed = sampleNames(node.get("/metrics").body());

    Set<String> used = new TreeSet<>();
    for (String expression : expressions()) {
      used.addAll(metricNames(expression));
    }
    used.removeAll(exposed);

    assertTrue(expressions().size() > 20, "the expressions were found: " + expressions());
    assertEquals(Set.of(), used, "series the dashboard or the alerts use that the node does not expose");
  }

  private void traffic() {
    for (int customer = 0; customer < 5; customer++) {
      String id = "slo-c-" + customer;
      kafka.produceEvent(id, event("slo-e-" + customer, id, CATALOG.get(customer).itemId()));
    }
    Eventually.within(SETTLE, "the events were recorded",
        () -> node.http().metric("concierge_events_total{result=\"recorded\"}") >= 5);
    for (int customer = 0; customer < 5; customer++) {
      assertEquals(200, node.post("/v1/decisions", "{\"customerId\":\"slo-c-" + customer + "\",\"limit\":3}").statusCode());
    }
    assertEquals(400, node.post("/v1/decisions", "{\"limit\":3}").statusCode());
  }

  /** The meters of docs/operations.md's SLO table, each with the sample that must be above 0. */
  private static List<String> missing(String scrape) {
    Map<String, String> mustCount = Map.ofEntries(
        Map.entry("decisions in the latency histogram", "concierge_decision_latency_seconds_bucket{le=\"0.1\",outcome=\"personal\"}"),
        Map.entry("decisions timed", "concierge_decision_latency_seconds_count{outcome=\"personal\"}"),
        Map.entry("HTTP decisions answered", "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/decisions\",status=\"200\"}"),
        Map.entry("HTTP decisions refused", "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/decisions\",status=\"400\"}"),
        Map.entry("customer recoveries", "concierge_customer_recovery_seconds_count"),
        Map.entry("customer passivations", "concierge_customer_passivations_total"),
        Map.entry("shards hosted", "concierge_sharding_shards"),
        Map.entry("Cassandra requests", "cassandra_session_cql_requests_seconds_count"),
        Map.entry("Kafka consumer fetches", "kafka_consumer_fetch_manager_fetch_total"));
    List<String> missing = new ArrayList<>();
    mustCount.forEach((what, sample) -> {
      if (sum(scrape, sample) <= 0) {
        missing.add(what + " (" + sample + ")");
      }
    });
    // present, if 0 while nothing is wrong
    for (String name : List.of(
        "concierge_decisions_unlogged_total", "concierge_dead_letters_total", "concierge_ingestion_stalled_seconds",
        "kafka_consumer_fetch_manager_records_lag", "concierge_sharding_entities")) {
      if (!sampleNames(scrape).contains(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  // the sum of the samples that begin with `sample`'s name and hold its labels
  private static double sum(String scrape, String sample) {
    int brace = sample.indexOf('{');
    String name = brace < 0 ? sample : sample.substring(0, brace);
    List<String> labels = brace < 0 ? List.of()
        : List.of(sample.substring(brace + 1, sample.length() - 1).split(",(?=\\w+=)"));
    return scrape.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> labels.stream().allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }

  private static List<String> expressions() throws IOException {
    List<String> expressions = new ArrayList<>();
    JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("concierge-dashboard.json").toFile());
    dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("concierge-alerts.yml").toFile());
    rules.path("groups").forEach(group -> group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText())));
    return expressions;
  }

  /** The series a PromQL expression reads: its names, without label matchers, strings, ranges and groupings. */
  static Set<String> metricNames(String expression) {
    String bare = expression
        .replaceAll("\"[^\"]*\"", "")
        .replaceAll("\\{[^}]*}", "")
        .replaceAll("\\[[^]]*]", "")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
    Set<String> names = new TreeSet<>();
    Matcher matcher = NAME.matcher(bare);
    while (matcher.find()) {
      if (!KEYWORDS.contains(matcher.group())) {
        names.add(matcher.group());
      }
    }
    return names;
  }

  private static String event(String eventId, String customerId, String itemId) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"view\",\"itemId\":\""
        + itemId + "\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  }
}
