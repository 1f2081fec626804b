package dev.concierge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.sharding.CustomerShards;
import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.engine.sharding.ShardingSettings;
import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Operators' work on a live three-node cluster, each in three real JVMs against the real Kafka and
 * Cassandra: moving shards, draining a node, SIGKILL and restart, and a rolling restart. Each runs
 * while 50,000 unique events (plus 1% redeliveries) for 5,000 customers stream in and storefront
 * decisions keep coming. After each, every customer's counts equal exactly the unique events sent
 * to them so far, and no decision failed; the fallbacks are reported.
 */
@Tag("operations")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOperationsIntegrationTest {

  private static final int CUSTOMERS = 5_000;
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  private static final int EVENTS_PER_OPERATION = 50_000;
  private static final int EVENTS_PER_SECOND = 2_500;
  private static final int PARTITIONS = 6;
  private static final int CATALOG_ITEMS = 200;
  // an operator moves shards one after another on three fresh nodes, right after a burst of events
  // for customers who are all cold, so that every node is busy recovering them
  private static final int SHARDS_MOVED = 20;
  private static final int MOVES_START_AFTER_EVENTS = 8_000;
  private static final int BURST_EVENTS_PER_SECOND = 25_000;
  // the operation starts once this share of its events is out, so that it happens mid-stream
  private static final int OPERATION_STARTS_AFTER_EVENTS = EVENTS_PER_OPERATION / 10;
  private static final Duration CATCH_UP = Duration.ofMinutes(4);
  private static final Duration COUNTS_SETTLE = Duration.ofSeconds(60);
  private static final Duration NODE_EXIT = Duration.ofSeconds(90);
  private static final Duration SHARDS_LISTED = Duration.ofSeconds(30);
  private static final Path REPORT = Path.of("target/cluster-operations-report.md");
  private static final CustomerShards NODE_SHARDS = nodeShards();
  // the test measures how long the first decision after a shard move takes (a recovery from
  // Cassandra); the default 50 ms deadline would answer those with the fallback instead
  private static final String DEADLINE = "concierge.decisions.deadline = 2s";

  private LocalCluster cluster;
  private ShopperEvents events;
  private DecisionLoad decisions;
  private IngestionAudit audit;
  private MidStreamDrill drill;
  private final Map<Integer, List<String>> customersByShard = new HashMap<>();
  // printed under the table
  private final List<String> notes = new ArrayList<>();

  @BeforeAll
  void startCluster() throws Exception {
    String namespace = "ops" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    cluster = new LocalCluster(namespace, Path.of("target/it-cluster", namespace), PARTITIONS, List.of(DEADLINE));
    cluster.createTopics();
    cluster.loadCatalog(DemoCatalog.generate(CATALOG_ITEMS, 42));
    cluster.start();
    events = new ShopperEvents(RealServices.kafkaBootstrap(), cluster.eventsTopic(), CUSTOMERS, CATALOG_ITEMS, 42);
    decisions = new DecisionLoad(cluster, CUSTOMERS);
    audit = new IngestionAudit(RealServices.kafkaBootstrap(), cluster);
    drill = new MidStreamDrill(events, decisions, audit, new MidStreamDrill.Pace(
        EVENTS_PER_OPERATION, EVENTS_PER_SECOND, OPERATION_STARTS_AFTER_EVENTS, CATCH_UP, COUNTS_SETTLE));
    for (int c = 0; c < CUSTOMERS; c++) {
      String customer = ShopperEvents.customer(c);
      customersByShard.computeIfAbsent(shardOf(customer), s -> new ArrayList<>()).add(customer);
    }
  }

  @Test
  @Order(0)
  void pekkoManagementShowsTheClusterOnlyToTheAdminToken() throws Exception {
    NodeProcess node = cluster.nodes.get(0);
    URI members = URI.create("http://127.0.0.1:" + node.managementPort + "/cluster/members");
    TestHttp http = new TestHttp(HTTP_TIMEOUT);

    HttpResponse<String> anonymous = http.get(members);
    HttpResponse<String> operator = http.get(members, LocalCluster.ADMIN_TOKEN);

    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertEquals(200, operator.statusCode(), operator.body());
    for (NodeProcess member : cluster.nodes) {
      assertTrue(operator.body().contains(member.address), member.address + " in " + operator.body());
    }
  }

  /**
   * On fresh nodes busy with a backlog of events for cold customers, every move answers 200 and its shard arrives:
   * a move asks only the nodes' own regions where the shard lives, never sharding's cluster-wide
   * statistics, which time out (a 503) while the coordinator is busy allocating shards.
   */
  @Test
  @Order(1)
  void movingTwentyShardsInARowOnFreshNodesWithColdCustomersNeverAnswers503AndLosesAndDoublesNothing()
      throws Exception {
    List<Long> moveMillis = new ArrayList<>();
    List<Long> firstDecisionMillis = new ArrayList<>();
    List<Long> warmDecisionMillis = new ArrayList<>();
    MidStreamDrill.Pace coldStart = new MidStreamDrill.Pace(
        EVENTS_PER_OPERATION, BURST_EVENTS_PER_SECOND, MOVES_START_AFTER_EVENTS, CATCH_UP, COUNTS_SETTLE);
    drill.run("move " + SHARDS_MOVED + " shards in a row, customers cold", coldStart, () -> {
      Set<String> moved = new HashSet<>();
      for (int i = 0; i < SHARDS_MOVED; i++) {
        NodeProcess via = cluster.serving().get(i % cluster.serving().size());
        JsonNode shard = busiestUnmoved(via, moved);
        String from = shard.get("node").asText();
        String to = cluster.nodes.stream().map(node -> node.address).filter(address -> !address.equals(from))
            .toList().get(i % (LocalCluster.NODES - 1));
        LocalCluster.AdminAnswer answer = cluster.admin(
            via, "POST", "/admin/shards/" + shard.get("shardId").asText() + "/move", "{\"to\":\"" + to + "\"}");
        assertEquals(200, answer.status(), "move " + (i + 1) + " of " + SHARDS_MOVED + ": " + answer.body());
        assertEquals("moved", answer.body().get("status").asText(), answer.body().toString());
        moved.add(shard.get("shardId").asText());
        moveMillis.add(answer.body().get("tookMs").asLong());
        String customer = customersByShard.get(Integer.parseInt(shard.get("shardId").asText())).get(0);
        firstDecisionMillis.add(decisions.decide(cluster.nodeAt(to), customer, new DecisionLoad.Counts()));
        // the baseline: the same customer again, now in memory on its new node
        warmDecisionMillis.add(decisions.decide(cluster.nodeAt(to), customer, new DecisionLoad.Counts()));
      }
      JsonNode pins = cluster.admin(via(), "GET", "/admin/allocation", null).body().get("pins");
      for (String shardId : moved) {
        assertTrue(pins.has(shardId), "shard " + shardId + " is pinned where the operator moved it");
      }
    });
    notes.add("Shard moves (" + SHARDS_MOVED + "): move request until the shard lives on its new node "
        + percentiles(moveMillis) + "; then the first decision for one of its customers there "
        + percentiles(firstDecisionMillis) + ", against " + percentiles(warmDecisionMillis)
        + " for the next one, in memory (p50 ratio " + ratioOfMedians(firstDecisionMillis, warmDecisionMillis) + ").");
  }

  @Test
  @Order(2)
  void drainingANodeWhileEventsFlowLosesAndDoublesNothing() throws Exception {
    NodeProcess leaving = youngestNonOldest();
    drill.run("drain " + leaving.name + ", then start it again", () -> {
      cluster.takeOutOfRotation(leaving);
      LocalCluster.AdminAnswer answer = cluster.admin(
          cluster.anotherThan(leaving), "POST", "/admin/nodes/drain", "{\"address\":\"" + leaving.address + "\"}");
      assertEquals(200, answer.status(), answer.body().toString());
      assertEquals("removed", answer.body().get("status").asText());
      assertTrue(leaving.awaitExit(NODE_EXIT), "a drained node's JVM exits by itself");
      cluster.restart(leaving);
    });
  }

  @Test
  @Order(3)
  void killingANodeWithSigkillAndStartingItAgainLosesAndDoublesNothing() throws Exception {
    NodeProcess victim = youngestNonOldest();
    drill.run("SIGKILL " + victim.name + ", then start it again", () -> {
      cluster.takeOutOfRotation(victim);
      victim.kill();
      cluster.restart(victim);
    });
  }

  @Test
  @Order(4)
  void aRollingRestartOfEveryNodeLosesAndDoublesNothing() throws Exception {
    drill.run("rolling restart of all " + LocalCluster.NODES + " nodes", () -> {
      for (NodeProcess node : oldestLast()) {
        cluster.takeOutOfRotation(node);
        LocalCluster.AdminAnswer answer = cluster.admin(
            cluster.anotherThan(node), "POST", "/admin/nodes/drain", "{\"address\":\"" + node.address + "\"}");
        assertEquals(200, answer.status(), answer.body().toString());
        assertTrue(node.awaitExit(NODE_EXIT), node.name + " exits after its drain");
        cluster.restart(node);
      }
    });
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (drill != null) {
      List<String> lines = new ArrayList<>(drill.table());
      if (!notes.isEmpty()) {
        lines.add("");
        lines.addAll(notes);
      }
      Files.writeString(REPORT, String.join("\n", lines) + "\n");
      System.out.println(String.join("\n", lines));
    }
    if (decisions != null) {
      decisions.close();
    }
    if (events != null) {
      events.close();
    }
    if (audit != null) {
      audit.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  // a node whose report is late (its shards still starting, on a busy box) is left out of the
  // answer, so the operator asks again, as one would
  private JsonNode busiestUnmoved(NodeProcess via, Set<String> moved) {
    JsonNode[] found = new JsonNode[1];
    Eventually.within(SHARDS_LISTED, "GET /admin/shards lists an allocated shard with customers, not moved yet",
        () -> (found[0] = busiestUnmovedNow(via, moved)) != null);
    return found[0];
  }

  private JsonNode busiestUnmovedNow(NodeProcess via, Set<String> moved) {
    LocalCluster.AdminAnswer answer = cluster.admin(via, "GET", "/admin/shards", null);
    assertEquals(200, answer.status(), "GET /admin/shards: " + answer.body());
    for (JsonNode shard : answer.body().get("shards")) {
      if (!shard.get("node").isNull() && shard.get("entities").asLong() > 0
          && !moved.contains(shard.get("shardId").asText())) {
        return shard;
      }
    }
    return null;
  }

  private NodeProcess youngestNonOldest() {
    String oldest = cluster.oldest();
    return cluster.nodes.stream().filter(node -> !node.address.equals(oldest))
        .max(Comparator.comparing(node -> node.name)).orElseThrow();
  }

  private List<NodeProcess> oldestLast() {
    String oldest = cluster.oldest();
    List<NodeProcess> order = new ArrayList<>(cluster.nodes);
    order.sort(Comparator.comparing(node -> node.address.equals(oldest)));
    return order;
  }

  private NodeProcess via() {
    return cluster.serving().get(0);
  }

  /** The shard the nodes put the customer in, with the nodes' own configuration. */
  private static int shardOf(String customer) {
    return NODE_SHARDS.shardOf(customer);
  }

  private static CustomerShards nodeShards() {
    ShardingSettings sharding = ShardingSettings.fromConfig(ConfigFactory.load("local1"));
    return sharding.customerShards(new ShardActivity(sharding.numberOfShards(), 1));
  }

  private static String ratioOfMedians(List<Long> millis, List<Long> baseline) {
    return String.format("%.1f", median(millis) / Math.max(1.0, median(baseline)));
  }

  private static double median(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static String percentiles(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    long p50 = sorted.get((sorted.size() - 1) / 2);
    long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    return "p50 " + p50 + " ms, p99 " + p99 + " ms";
  }
}
