package dev.concierge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.DemoCatalog;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.testing.Closing;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.TestHttp;
import dev.concierge.testing.TopicRecords;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The faults a node must come through with nothing lost and nothing counted twice, against a Kafka,
 * a Cassandra and a node of this test alone, each a real process killed with SIGKILL while events
 * stream in and storefront decisions keep coming: poison records, Kafka killed and started again,
 * Cassandra killed for 30 s, and the node itself killed and started again. After each, every
 * customer's counts equal the unique events sent to them, and no decision failed.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIntegrationTest {

  private static final int CUSTOMERS = 2_000;
  private static final int CATALOG_ITEMS = 200;
  private static final int PARTITIONS = 4;
  private static final int EVENTS_PER_SECOND = 500;
  private static final int EVENTS_PER_RUN = 15_000;
  // Cassandra stays down for CASSANDRA_DOWN while events keep coming
  private static final int EVENTS_IN_CASSANDRA_RUN = 25_000;
  private static final int START_AFTER_EVENTS = 2_000;
  private static final Duration KAFKA_DOWN = Duration.ofSeconds(10);
  // POST /v1/events batches while Kafka dies: more events of each customer than its dedupe window (32)
  private static final int BATCH_CUSTOMERS = 5;
  private static final int BATCH_EVENTS_PER_CUSTOMER = 100;
  private static final Duration BATCHES_BEFORE_KILL = Duration.ofSeconds(2);
  private static final Duration CASSANDRA_DOWN = Duration.ofSeconds(30);
  private static final Duration CATCH_UP = Duration.ofMinutes(3);
  private static final Duration COUNTS_SETTLE = Duration.ofSeconds(60);
  private static final Duration NOTICED = Duration.ofSeconds(20);
  // the Kafka committer's max-interval (pekko.kafka.committer), and some
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(12);
  private static final Duration RECOVERED = Duration.ofSeconds(120);
  // a fallback is owed within the 50 ms deadline; waiting on Cassandra would take seconds
  private static final long FALLBACK_BOUND_MILLIS = 1_000;
  private static final int WARM_CUSTOMERS = 20;
  private static final int COLD_CUSTOMERS = 20;
  private static final String REASON_HEADER = "concierge-error";
  // longer than the node's own wait for Kafka (its producer's delivery timeout)
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  private static final Path REPORT = Path.of("target/fault-tolerance-report.md");

  private OwnServices services;
  private LocalCluster cluster;
  private NodeProcess node;
  private ShopperEvents events;
  private DecisionLoad decisions;
  private IngestionAudit audit;
  private MidStreamDrill drill;
  private KafkaProducer<String, byte[]> raw;
  private final List<String> notes = new ArrayList<>();
  private final TestHttp http = new TestHttp(HTTP_TIMEOUT);

  @BeforeAll
  void startServicesAndNode() throws Exception {
    String namespace = "faults" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    Path workDir = Path.of("target/it-faults", namespace);
    services = new OwnServices(workDir.resolve("services"));
    services.start();
    cluster = new LocalCluster(
        namespace, workDir, 1, LocalCluster.ADMIN_TOKEN, PARTITIONS, services.addresses(), List.of());
    cluster.createTopics();
    cluster.loadCatalog(DemoCatalog.generate(CATALOG_ITEMS, 42));
    cluster.start();
    node = cluster.nodes.get(0);
    String bootstrap = services.addresses().kafkaBootstrap();
    events = new ShopperEvents(bootstrap, cluster.eventsTopic(), CUSTOMERS, CATALOG_ITEMS, 7);
    decisions = new DecisionLoad(cluster, CUSTOMERS);
    audit = new IngestionAudit(bootstrap, cluster);
    drill = new MidStreamDrill(events, decisions, audit, new MidStreamDrill.Pace(
        EVENTS_PER_RUN, EVENTS_PER_SECOND, START_AFTER_EVENTS, CATCH_UP, COUNTS_SETTLE));
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  @Test
  @Order(1)
  void everyKindOfPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndThePartitionFlowsOn() throws Exception {
    String customer = "poison-c";
    Map<String, byte[]> poison = new LinkedHashMap<>();
    poison.put("invalid UTF-8", new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    poison.put("JSON that is not an event", "[\"view\", 42]".getBytes(StandardCharsets.UTF_8));
    poison.put("an unknown type", event("p-unknown", customer, "teleport").getBytes(StandardCharsets.UTF_8));
    poison.put("no customerId", event("p-anonymous", customer, "view").replace("\"customerId\":\"" + customer + "\",", "")
        .getBytes(StandardCharsets.UTF_8));
    poison.put("a 1 MB value", padded(event("p-huge", customer, "view"), 1_000_000));
    Map<String, String> expectedReasons = Map.of(
        "invalid UTF-8", "not valid JSON",
        "JSON that is not an event", "expected an event JSON object",
        "an unknown type", "field 'type' must be one of",
        "no customerId", "missing required field 'customerId'",
        "a 1 MB value", "an event is at most " + EventJson.MAX_EVENT_BYTES + " bytes");
    double deadLettersBefore = node.metric("concierge_dead_letters_total");

    // same key, so one partition: each valid event after a poison record shows the partition moved on
    int valid = 0;
    send(customer, event("p-valid-" + valid++, customer, "view").getBytes(StandardCharsets.UTF_8));
    for (byte[] value : poison.values()) {
      send(customer, value);
      send(customer, event("p-valid-" + valid++, customer, "view").getBytes(StandardCharsets.UTF_8));
    }
    raw.flush();

    audit.awaitCaughtUp(CATCH_UP);
    Map<String, int[]> expected = Map.of(customer, new int[] {valid, 0, 0, 0});
    assertEquals(List.of(), audit.mismatches(expected), "every valid event around the poison is counted once");
    List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(poison.size());
    assertEquals(poison.size(), dead.size(), "one dead letter per poison record");
    // dead letters are sent concurrently, so their order may differ from the records'
    for (Map.Entry<String, byte[]> kind : poison.entrySet()) {
      ConsumerRecord<byte[], byte[]> letter = dead.stream()
          .filter(candidate -> java.util.Arrays.equals(kind.getValue(), candidate.value()))
          .findFirst()
          .orElseThrow(() -> new AssertionError(kind.getKey() + " is in the dead-letter topic, as it came"));
      String reason = header(letter, REASON_HEADER);
      assertTrue(reason.contains(expectedReasons.get(kind.getKey())),
          kind.getKey() + " is dead-lettered with a reason that says why: " + reason);
      assertTrue(header(letter, "concierge-source").startsWith(cluster.eventsTopic() + "-"), "the source is named");
    }
    assertEquals(deadLettersBefore + poison.size(), node.metric("concierge_dead_letters_total"));
    notes.add("Poison records (" + String.join(", ", poison.keySet()) + "): each dead-lettered with its reason, and the "
        + valid + " valid events around them on the same partition were counted once.");
  }

  @Test
  @Order(2)
  void killingKafkaMidStreamAndStartingItAgainLosesAndDoublesNothing() throws Exception {
    double restartsBefore = node.metric("concierge_ingestion_restarts_total");
    String storefrontEvent = event("http-e-1", "http-c", "view");
    List<HttpResponse<String>> posts = new ArrayList<>();
    long[] resumedMillis = new long[1];
    Map<String, int[]> batchCounts = new HashMap<>();
    int[] batchesRefused = new int[1];
    drill.run("SIGKILL Kafka, " + KAFKA_DOWN.toSeconds() + " s down", () -> {
      StorefrontBatches storefront = new StorefrontBatches(
          node.url("/v1/events"), HTTP_TIMEOUT, BATCH_CUSTOMERS, BATCH_EVENTS_PER_CUSTOMER);
      // batches go back to back, so that one is under way when Kafka dies
      pace(BATCHES_BEFORE_KILL);
      long killedAt = System.nanoTime();
      services.kill(OwnServices.Service.KAFKA);
      posts.add(postEvent(storefrontEvent));
      pace(KAFKA_DOWN.minus(Duration.ofNanos(System.nanoTime() - killedAt)));
      services.start(OwnServices.Service.KAFKA);
      long committed = audit.committed();
      resumedMillis[0] = Eventually.within(RECOVERED, "ingestion commits again by itself",
          () -> audit.committed() > committed).toMillis();
      // the storefront retries the same event, as the 503 asks it to
      posts.add(postEvent(storefrontEvent));
      batchCounts.putAll(storefront.stop());
      batchesRefused[0] = storefront.refused();
    });
    assertEquals(503, posts.get(0).statusCode(), "while Kafka is down an event is not accepted: " + posts.get(0).body());
    assertTrue(posts.get(0).body().contains("\"error\":\"unavailable\""), posts.get(0).body());
    assertEquals(202, posts.get(1).statusCode(), posts.get(1).body());
    assertEquals(List.of(), audit.mismatches(Map.of("http-c", new int[] {1, 0, 0, 0})), "the retried event counts once");
    assertTrue(batchesRefused[0] > 0, "some batch was refused while Kafka was down");
    assertEquals(List.of(), audit.mismatches(batchCounts),
        "every event of every batch counts once, although batches failed mid-request and were retried whole");
    notes.add("Kafka: ingestion committed again " + resumedMillis[0] + " ms after the broker answered; the stream"
        + " restarted " + (long) (node.metric("concierge_ingestion_restarts_total") - restartsBefore)
        + " times by itself. POST /v1/events answered 503 `unavailable` while Kafka was down, and 202 after; "
        + batchesRefused[0] + " posts of " + BATCH_CUSTOMERS * BATCH_EVENTS_PER_CUSTOMER + "-event batches were refused"
        + " and retried whole, and every batch's events counted once.");
  }

  @Test
  @Order(3)
  void withCassandraKilledForThirtySecondsIngestionWaitsCommitsNothingAndResumesAndWarmCustomersStillGetPersonalAnswers()
      throws Exception {
    List<String> warm = warmCustomers();
    String timeouts = "concierge_decision_fallbacks_total{cause=\"timeout\"}";
    double timeoutsBefore = node.metric(timeouts);
    List<Long> coldFallbackMillis = new ArrayList<>();
    List<Long> warmMillis = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long[] timings = new long[3];
    MidStreamDrill.Pace cassandraPace = new MidStreamDrill.Pace(
        EVENTS_IN_CASSANDRA_RUN, EVENTS_PER_SECOND, START_AFTER_EVENTS, CATCH_UP, COUNTS_SETTLE);
    drill.run("SIGKILL Cassandra, " + CASSANDRA_DOWN.toSeconds()
        + " s down", cassandraPace, () -> {
      long killedAt = System.nanoTime();
      services.kill(OwnServices.Service.CASSANDRA);
      timings[0] = Eventually.within(NOTICED, "/health/journal reports the journal unreachable",
          () -> !node.journalReachable()).toMillis();
      Eventually.within(NOTICED, "the metric shows the journal unreachable",
          () -> node.metric("concierge_journal_reachable") == 0);
      if (!node.ready()) {
        problems.add("/health/ready turned not-ready while Cassandra was down: decisions still answer");
      }
      Eventually.within(NOTICED, "ingestion waits for persists", () -> node.metric("concierge_ingestion_waiting") > 0);
      for (String customer : warm) {
        DecisionLoad.Counts answer = new DecisionLoad.Counts();
        warmMillis.add(decisions.decide(node, customer, answer));
        if (answer.personal.sum() != 1) {
          problems.add(customer + " (warm) got " + answer);
        }
      }
      for (int c = 0; c < COLD_CUSTOMERS; c++) {
        DecisionLoad.Counts answer = new DecisionLoad.Counts();
        coldFallbackMillis.add(decisions.decide(node, "cold-" + c, answer));
        if (answer.fallback.sum() != 1) {
          problems.add("cold-" + c + " got " + answer);
        }
      }
      // offsets of events confirmed before the kill may still be committed until the committer's interval
      pace(COMMIT_INTERVAL.minus(Duration.ofNanos(System.nanoTime() - killedAt)));
      long committedWhileDown = audit.committed();
      pace(CASSANDRA_DOWN.minus(Duration.ofNanos(System.nanoTime() - killedAt)));
      if (audit.committed() != committedWhileDown) {
        problems.add("offsets were committed while Cassandra was down: " + committedWhileDown + " then "
            + audit.committed());
      }
      if (!node.alive()) {
        problems.add("the node died while Cassandra was down");
      }
      services.start(OwnServices.Service.CASSANDRA);
      long backAt = System.nanoTime();
      timings[1] = Eventually.within(RECOVERED, "/health/journal is reachable again", node::journalReachable)
          .toMillis();
      Eventually.within(RECOVERED, "no event waits for its persist",
          () -> node.metric("concierge_ingestion_waiting") == 0);
      timings[2] = millisSince(backAt);
    });
    assertEquals(List.of(), problems);
    assertTrue(node.metric(timeouts) >= timeoutsBefore + COLD_CUSTOMERS, "/metrics counts the fallbacks as timeouts");
    List<Long> sorted = coldFallbackMillis.stream().sorted().toList();
    assertTrue(sorted.get(sorted.size() - 1) < FALLBACK_BOUND_MILLIS,
        "cold customers' fallbacks came within the deadline's reach, not after Cassandra's timeouts: " + sorted);
    notes.add("Cassandra: /health/journal said unreachable " + timings[0] + " ms after the kill (the node stayed"
        + " ready) and reachable " + timings[1] + " ms after Cassandra answered again; ingestion stopped waiting " + timings[2]
        + " ms after it answered. While it was down, " + warm.size() + " warm customers all got personal answers,"
        + " in p50 " + median(warmMillis) + " ms (the baseline), and " + COLD_CUSTOMERS
        + " cold customers fallbacks in p50 " + sorted.get(sorted.size() / 2) + " ms, max "
        + sorted.get(sorted.size() - 1) + " ms (client-side, deadline 50 ms); no offset was committed.");
  }

  @Test
  @Order(4)
  void killingTheNodeMidStreamAndStartingItAgainLosesAndDoublesNothing() throws Exception {
    drill.run("SIGKILL the node, then start it again", () -> {
      cluster.takeOutOfRotation(node);
      node.kill();
      cluster.restart(node);
    });
  }

  @AfterAll
  void stopEverything() throws Exception {
    if (drill != null) {
      List<String> lines = new ArrayList<>(drill.table());
      lines.add("");
      lines.addAll(notes);
      Files.writeString(REPORT, String.join("\n", lines) + "\n");
      System.out.println(String.join("\n", lines));
    }
    Closing.all(decisions, events, audit, raw, cluster, services);
  }

  // customers outside the event stream, in memory: a few events each, then a decision
  private List<String> warmCustomers() throws Exception {
    Map<String, int[]> expected = new LinkedHashMap<>();
    for (int c = 0; c < WARM_CUSTOMERS; c++) {
      String customer = "warm-" + c;
      for (int e = 0; e < 3; e++) {
        send(customer, event(customer + "-e" + e, customer, "view").getBytes(StandardCharsets.UTF_8));
      }
      expected.put(customer, new int[] {3, 0, 0, 0});
    }
    raw.flush();
    audit.awaitCaughtUp(CATCH_UP);
    assertEquals(List.of(), audit.mismatches(expected));
    for (String customer : expected.keySet()) {
      decisions.decide(node, customer, new DecisionLoad.Counts());
    }
    return List.copyOf(expected.keySet());
  }

  private HttpResponse<String> postEvent(String json) throws Exception {
    return http.postJson(node.url("/v1/events"), json);
  }

  private void send(String key, byte[] value) throws Exception {
    raw.send(new ProducerRecord<>(cluster.eventsTopic(), key, value)).get();
  }

  private List<ConsumerRecord<byte[], byte[]>> deadLetters(int atLeast) {
    return TopicRecords.fromStart(services.addresses().kafkaBootstrap(), cluster.eventsTopic() + ".dlq", atLeast, NOTICED);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String event(String eventId, String customer, String type) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customer + "\",\"type\":\"" + type
        + "\",\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  }

  // a well-formed event made large by a field that would be ignored: only its size is wrong
  private static byte[] padded(String event, int size) {
    String start = event.substring(0, event.length() - 1) + ",\"padding\":\"";
    return (start + "x".repeat(size - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static long median(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  // the fault lasts this long on purpose: a pace, not a wait for a condition
  private static void pace(Duration duration) throws InterruptedException {
    if (!duration.isNegative()) {
      Thread.sleep(duration.toMillis());
    }
  }
}
