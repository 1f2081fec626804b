package dev.concierge.operations;

import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kafka alignment, measured (docs/operations.md, "Kafka alignment"): three node JVMs ingest the same burst of
 * events with shards spread by Pekko's hash (two in three asks cross to another node) and with shards
 * aligned to partitions (every ask stays on the node that consumed the record). A benchmark, not a
 * check: it reports, and asserts only that ingestion finished. Run it on its own:
 * {@code bin/concierge test -pl cluster-config -Dit.test=IngestionAlignmentBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class IngestionAlignmentBenchmark {

  private static final int ROUNDS = Integer.getInteger("alignment.rounds", 3);
  private static final int EVENTS = Integer.getInteger("alignment.events", 100_000);
  private static final int CUSTOMERS = 10_000;
  private static final int PARTITIONS = 6;
  private static final int CATALOG_ITEMS = 200;
  // far above what ingestion takes: the topic fills as fast as the producer goes
  private static final int PRODUCE_PER_SECOND = 1_000_000;
  private static final Duration CATCH_UP = Duration.ofMinutes(10);
  private static final Path REPORT = Path.of("target/ingestion-alignment.md");
  private static final List<Map.Entry<String, String>> MODES = List.of(
      Map.entry("hash", "concierge.sharding.align-with-kafka-partitions = off"),
      Map.entry("aligned", "concierge.sharding.align-with-kafka-partitions = on"));

  @Test
  void ingestionThroughputWithAndWithoutShardsAlignedToPartitions() throws Exception {
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (int round = 1; round <= ROUNDS; round++) {
      for (Map.Entry<String, String> mode : MODES) {
        double[] coldAndWarm = ingest(mode.getValue(), round);
        rates.computeIfAbsent(mode.getKey() + ", cold", m -> new ArrayList<>()).add(coldAndWarm[0]);
        rates.computeIfAbsent(mode.getKey() + ", warm", m -> new ArrayList<>()).add(coldAndWarm[1]);
        System.out.printf("round %d, %s: cold %.0f events/s, warm %.0f events/s%n",
            round, mode.getKey(), coldAndWarm[0], coldAndWarm[1]);
      }
    }
    List<String> report = new ArrayList<>(List.of(
        "| shards, customers | events/s median | min | max | runs |", "|---|---|---|---|---|"));
    rates.forEach((mode, values) -> report.add(String.format("| %s | %.0f | %.0f | %.0f | %d |",
        mode, median(values), values.stream().mapToDouble(d -> d).min().orElseThrow(),
        values.stream().mapToDouble(d -> d).max().orElseThrow(), values.size())));
    for (String phase : List.of("cold", "warm")) {
      report.add(String.format("%nratio aligned / hash, %s: %.2f", phase,
          median(rates.get("aligned, " + phase)) / median(rates.get("hash, " + phase))));
    }
    report.add(String.format("%n%d events for %d customers per phase, %d partitions, 3 nodes", EVENTS, CUSTOMERS,
        PARTITIONS));
    Files.writeString(REPORT, String.join("\n", report) + "\n");
    System.out.println(String.join("\n", report));
  }

  /**
   * One fresh cluster, two bursts of events produced as fast as possible, each timed until every
   * offset is committed: the first touches every customer for the first time (each a recovery from
   * Cassandra), the second finds them in memory.
   */
  private static double[] ingest(String setting, int round) throws Exception {
    String namespace = "align" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    try (LocalCluster cluster =
             new LocalCluster(namespace, Path.of("target/it-cluster", namespace), PARTITIONS, List.of(setting));
         IngestionAudit audit = new IngestionAudit(RealServices.kafkaBootstrap(), cluster);
         ShopperEvents events =
             new ShopperEvents(RealServices.kafkaBootstrap(), cluster.eventsTopic(), CUSTOMERS, CATALOG_ITEMS, round)) {
      cluster.createTopics();
      cluster.loadCatalog(DemoCatalog.generate(CATALOG_ITEMS, 42));
      cluster.start();
      return new double[] {burst(events, audit, namespace + "-cold"), burst(events, audit, namespace + "-warm")};
    }
  }

  private static double burst(ShopperEvents events, IngestionAudit audit, String runId) throws InterruptedException {
    long before = events.uniqueSent() + events.duplicatesSent();
    long started = System.nanoTime();
    events.send(runId, EVENTS, PRODUCE_PER_SECOND);
    audit.awaitCaughtUp(CATCH_UP);
    double seconds = (System.nanoTime() - started) / 1e9;
    return (events.uniqueSent() + events.duplicatesSent() - before) / seconds;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
