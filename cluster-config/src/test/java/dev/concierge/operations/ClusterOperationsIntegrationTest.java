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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
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
  private static final int EVENTS_PER_OPERATION = 50_000;
  private static final int EVENTS_PER_SECOND = 2_500;
  private static final int PARTITIONS = 6;
  private static final int CATALOG_ITEMS = 200;
  private static final int SHARDS_MOVED = 10;
  // the operation starts once this share of its events is out, so that it happens mid-stream
  private static final int OPERATION_STARTS_AFTER_EVENTS = EVENTS_PER_OPERATION / 10;
  private static final Duration SENDING_STARTS = Duration.ofSeconds(30);
  private static final Duration CATCH_UP = Duration.ofMinutes(4);
  private static final Duration COUNTS_SETTLE = Duration.ofSeconds(60);
  private static final Duration NODE_EXIT = Duration.ofSeconds(90);
  private static final Path REPORT = Path.of("target/cluster-operations-report.md");
  private static final CustomerShards NODE_SHARDS = nodeShards();

  private LocalCluster cluster;
  private ShopperEvents events;
  private DecisionLoad decisions;
  private IngestionAudit audit;
  private final Map<Integer, List<String>> customersByShard = new HashMap<>();
  private final List<String> report = new ArrayList<>();
  // printed under the table
  private final List<String> notes = new ArrayList<>();
  private int operations;

  @BeforeAll
  void startCluster() throws Exception {
    String namespace = "ops" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    cluster = new LocalCluster(namespace, Path.of("target/it-cluster", namespace), PARTITIONS, List.of());
    cluster.createTopics();
    cluster.loadCatalog(DemoCatalog.generate(CATALOG_ITEMS, 42));
    cluster.start();
    events = new ShopperEvents(RealServices.kafkaBootstrap(), cluster.eventsTopic(), CUSTOMERS, CATALOG_ITEMS, 42);
    decisions = new DecisionLoad(cluster, CUSTOMERS);
    audit = new IngestionAudit(RealServices.kafkaBootstrap(), cluster);
    for (int c = 0; c < CUSTOMERS; c++) {
      String customer = ShopperEvents.customer(c);
      customersByShard.computeIfAbsent(shardOf(customer), s -> new ArrayList<>()).add(customer);
    }
    report.add("| operation | unique events | redeliveries | decisions | personal | fallback | failed | counts exact |");
    report.add("|---|---|---|---|---|---|---|---|");
  }

  @Test
  @Order(0)
  void pekkoManagementShowsTheClusterOnlyToTheAdminToken() throws Exception {
    NodeProcess node = cluster.nodes.get(0);
    URI members = URI.create("http://127.0.0.1:" + node.managementPort + "/cluster/members");
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(members).build(), BodyHandlers.ofString());
    HttpResponse<String> operator = http.send(
        HttpRequest.newBuilder(members).header("Authorization", "Bearer " + LocalCluster.ADMIN_TOKEN).build(),
        BodyHandlers.ofString());

    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertEquals(200, operator.statusCode(), operator.body());
    for (NodeProcess member : cluster.nodes) {
      assertTrue(operator.body().contains(member.address), member.address + " in " + operator.body());
    }
  }

  @Test
  @Order(1)
  void movingTenShardsWhileEventsFlowLosesAndDoublesNothing() throws Exception {
    List<Long> moveMillis = new ArrayList<>();
    List<Long> firstDecisionMillis = new ArrayList<>();
    List<Long> warmDecisionMillis = new ArrayList<>();
    during("move " + SHARDS_MOVED + " shards", () -> {
      Set<String> moved = new HashSet<>();
      for (int i = 0; i < SHARDS_MOVED; i++) {
        NodeProcess via = cluster.serving().get(i % cluster.serving().size());
        JsonNode shard = busiestUnmoved(via, moved);
        String from = shard.get("node").asText();
        String to = cluster.nodes.stream().map(node -> node.address).filter(address -> !address.equals(from))
            .toList().get(i % (LocalCluster.NODES - 1));
        LocalCluster.AdminAnswer answer = cluster.admin(
            via, "POST", "/admin/shards/" + shard.get("shardId").asText() + "/move", "{\"to\":\"" + to + "\"}");
        assertEquals(200, answer.status(), answer.body().toString());
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
    during("drain " + leaving.name + ", then start it again", () -> {
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
    during("SIGKILL " + victim.name + ", then start it again", () -> {
      cluster.takeOutOfRotation(victim);
      victim.kill();
      cluster.restart(victim);
    });
  }

  @Test
  @Order(4)
  void aRollingRestartOfEveryNodeLosesAndDoublesNothing() throws Exception {
    during("rolling restart of all " + LocalCluster.NODES + " nodes", () -> {
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
    if (!report.isEmpty()) {
      List<String> lines = new ArrayList<>(report);
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

  /** Runs the operation while a batch of events streams in, then checks every customer's counts. */
  private void during(String name, Operation operation) throws Exception {
    decisions.nextPhase();
    long duplicatesBefore = events.duplicatesSent();
    String runId = "op" + (++operations);
    Thread sender = new Thread(() -> {
      try {
        events.send(runId, EVENTS_PER_OPERATION, EVENTS_PER_SECOND);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "events-" + runId);
    Throwable[] senderFailure = new Throwable[1];
    sender.setUncaughtExceptionHandler((thread, e) -> senderFailure[0] = e);
    sender.start();
    try {
      long sentBefore = events.uniqueSent();
      Eventually.within(SENDING_STARTS, "the first " + OPERATION_STARTS_AFTER_EVENTS + " events are out",
          () -> events.uniqueSent() - sentBefore >= OPERATION_STARTS_AFTER_EVENTS || !sender.isAlive());
      operation.run();
    } finally {
      // the next operation's events must not interleave with these
      sender.join();
    }
    if (senderFailure[0] != null) {
      throw new AssertionError("sending events failed", senderFailure[0]);
    }
    audit.awaitCaughtUp(CATCH_UP);
    List<String> mismatches = settledMismatches();
    DecisionLoad.Counts counts = decisions.nextPhase();
    report.add(String.format("| %s | %d | %d | %d | %d | %d | %d | %s |",
        name, EVENTS_PER_OPERATION, events.duplicatesSent() - duplicatesBefore, counts.total(),
        counts.personal.sum(), counts.fallback.sum(), counts.failed.sum(),
        mismatches.isEmpty() ? "yes, " + events.expected().size() + " customers" : "NO"));
    assertTrue(mismatches.isEmpty(), IngestionAudit.summary(mismatches));
    assertEquals(0, counts.failed.sum(), "no decision may fail during '" + name + "': " + counts);
  }

  // a customer whose entity was on a killed node answers once it has recovered elsewhere: the ones
  // off at the first audit are read again until they agree or the time is up
  private List<String> settledMismatches() throws InterruptedException {
    List<String> mismatches = audit.mismatches(events.expected());
    Map<String, int[]> pending = new HashMap<>();
    for (String mismatch : mismatches) {
      String customer = mismatch.substring(0, mismatch.indexOf(':'));
      pending.put(customer, events.expected().get(customer));
    }
    try {
      Eventually.within(COUNTS_SETTLE, "every customer's counts agree", () -> recheck(pending).isEmpty());
      return List.of();
    } catch (AssertionError stillOff) {
      return recheck(pending);
    }
  }

  private List<String> recheck(Map<String, int[]> customers) {
    try {
      return audit.mismatches(customers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private JsonNode busiestUnmoved(NodeProcess via, Set<String> moved) {
    for (JsonNode shard : cluster.admin(via, "GET", "/admin/shards", null).body().get("shards")) {
      if (!shard.get("node").isNull() && shard.get("entities").asLong() > 0
          && !moved.contains(shard.get("shardId").asText())) {
        return shard;
      }
    }
    throw new AssertionError("no allocated shard left to move");
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

  @FunctionalInterface
  private interface Operation {
    void run() throws Exception;
  }
}
