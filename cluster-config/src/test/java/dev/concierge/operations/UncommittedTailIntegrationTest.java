package dev.concierge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.Closing;
import dev.concierge.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A node killed with SIGKILL while one customer has far more events in the uncommitted tail than its
 * dedupe window holds: after the restart Kafka delivers the whole tail again, and every customer's
 * counts must still equal the unique events sent to them. The node commits offsets only every ten
 * minutes here, so that the tail is certainly uncommitted when the node dies, and nothing of it is
 * committed before the redelivery is processed.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UncommittedTailIntegrationTest {

  private static final int PARTITIONS = 2;
  private static final int CUSTOMERS = 200;
  private static final int CATALOG_ITEMS = 100;
  private static final int BACKGROUND_EVENTS = 2_000;
  private static final int EVENTS_PER_SECOND = 1_000;
  // one customer's share of the tail, many times the dedupe window (32)
  private static final int BURST = 300;
  private static final String BURST_CUSTOMER = "spree-c";
  private static final List<String> NO_COMMITS_DURING_THE_TEST = List.of(
      "pekko.kafka.committer.max-interval = 10m",
      "pekko.kafka.committer.max-batch = 1000000");
  private static final Duration PERSISTED = Duration.ofMinutes(2);
  private static final Duration REDELIVERED = Duration.ofMinutes(3);
  private static final String DUPLICATES = "concierge_events_total{result=\"duplicate\"}";
  private static final String RECORDED = "concierge_events_total{result=\"recorded\"}";

  private LocalCluster cluster;
  private NodeProcess node;
  private ShopperEvents events;
  private IngestionAudit audit;

  @BeforeAll
  void startNode() throws Exception {
    String namespace = "tail" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    ServiceAddresses services = ServiceAddresses.shared();
    cluster = new LocalCluster(namespace, Path.of("target/it-tail", namespace), 1, LocalCluster.ADMIN_TOKEN,
        PARTITIONS, services, NO_COMMITS_DURING_THE_TEST);
    cluster.createTopics();
    cluster.loadCatalog(DemoCatalog.generate(CATALOG_ITEMS, 42));
    cluster.start();
    node = cluster.nodes.get(0);
    events = new ShopperEvents(services.kafkaBootstrap(), cluster.eventsTopic(), CUSTOMERS, CATALOG_ITEMS, 11);
    audit = new IngestionAudit(services.kafkaBootstrap(), cluster);
  }

  @Test
  void killingANodeWithHundredsOfOneCustomersEventsUncommittedCountsNothingTwice() throws Exception {
    events.send("before", BACKGROUND_EVENTS, EVENTS_PER_SECOND);
    events.burst("spree", BURST_CUSTOMER, BURST);
    long sent = events.uniqueSent() + events.duplicatesSent();
    Eventually.within(PERSISTED, "every event is persisted and counted once",
        () -> mismatches().isEmpty(), () -> IngestionAudit.summary(mismatches()));
    assertEquals(sent, audit.lag(), "nothing is committed yet: the whole topic is the uncommitted tail");

    node.kill();
    cluster.restart(node);

    // the restarted node counts from zero: every record it acknowledges now is a redelivered one
    Eventually.within(REDELIVERED, "the restarted node took every redelivered record",
        () -> processedSinceRestart() >= sent, () -> processedSinceRestart() + " of " + sent);
    assertEquals(List.of(), mismatches(),
        "after the redelivery of " + sent + " records, " + BURST + " of them " + BURST_CUSTOMER + "'s");
    assertEquals(sent, node.metric(DUPLICATES), "every redelivered record is acknowledged as a duplicate");
    assertTrue(audit.lag() > 0, "the redelivered tail was still uncommitted when the counts were read");
  }

  @AfterAll
  void stopNode() throws Exception {
    Closing.all(events, audit, cluster);
  }

  private double processedSinceRestart() {
    return node.metric(RECORDED) + node.metric(DUPLICATES);
  }

  private List<String> mismatches() {
    try {
      return audit.mismatches(events.expected());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
