package dev.concierge.operations;

import dev.concierge.models.DemoCatalog;
import dev.concierge.testing.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The node's CPU per 1,000 events at a low, steady rate (docs/durability.md, "Batches by time"): one node
 * JVM, customers already in memory, events at {@code ingestion-cpu.rate} per second, and the node's CPU
 * time while they flow, against its CPU time while nothing flows. A benchmark, not a check: it reports,
 * and asserts only that ingestion caught up. Other work on the machine adds noise, so it also reports the
 * machine's busy share. Run it on its own:
 * {@code mvn -B -o -pl cluster-config -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=IngestionCpuBenchmark}.
 */
@Tag("benchmark")
class IngestionCpuBenchmark {

  private static final int ROUNDS = Integer.getInteger("ingestion-cpu.rounds", 3);
  private static final int RATE = Integer.getInteger("ingestion-cpu.rate", 1_000);
  private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("ingestion-cpu.seconds", 30));
  private static final Duration IDLE = Duration.ofSeconds(10);
  // every customer gets about ten events before the measurement, so none is recovered while it runs
  private static final int CUSTOMERS = 2_000;
  private static final int WARM_UP_EVENTS = CUSTOMERS * 10;
  private static final int PARTITIONS = 8;
  private static final int CATALOG_ITEMS = 200;
  private static final Duration CATCH_UP = Duration.ofMinutes(5);
  private static final Path REPORT = Path.of("target/ingestion-cpu.md");
  private static final double EVENTS_PER_UNIT = 1_000.0;
  private static final double MILLIS_PER_SECOND = 1_000.0;
  // /proc/stat's "cpu" line: user nice system idle iowait irq softirq steal, after the label
  private static final int CPU_FIELDS = 8;
  private static final int IDLE_FIELD = 4;
  private static final int IOWAIT_FIELD = 5;

  @Test
  void nodeCpuPerThousandEventsAtALowSteadyRate() throws Exception {
    String namespace = "cpu" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    List<String> report = new ArrayList<>(List.of(
        "| round | node cores idle | node cores at " + RATE + " events/s | node CPU ms per 1,000 events"
            + " | of them above idle | machine busy |",
        "|---|---|---|---|---|---|"));
    try (LocalCluster cluster = new LocalCluster(namespace, Path.of("target/it-cluster", namespace), 1,
             LocalCluster.ADMIN_TOKEN, PARTITIONS, ServiceAddresses.shared(), List.of());
         IngestionAudit audit = new IngestionAudit(RealServices.kafkaBootstrap(), cluster);
         ShopperEvents events =
             new ShopperEvents(RealServices.kafkaBootstrap(), cluster.eventsTopic(), CUSTOMERS, CATALOG_ITEMS, 1)) {
      cluster.createTopics();
      cluster.loadCatalog(DemoCatalog.generate(CATALOG_ITEMS, 42));
      cluster.start();
      long node = cluster.nodes.get(0).pid();
      events.send(namespace + "-warm", WARM_UP_EVENTS, RATE);
      audit.awaitCaughtUp(CATCH_UP);
      for (int round = 1; round <= ROUNDS; round++) {
        Usage idle = Usage.of(node);
        Thread.sleep(IDLE.toMillis());
        double idleCores = idle.cores();
        Usage loaded = Usage.of(node);
        long sent = events.uniqueSent() + events.duplicatesSent();
        events.send(namespace + "-" + round, (int) (RATE * MEASURED.toSeconds()), RATE);
        sent = events.uniqueSent() + events.duplicatesSent() - sent;
        double loadedCores = loaded.cores();
        double msPerThousand = loaded.seconds() * MILLIS_PER_SECOND / (sent / EVENTS_PER_UNIT);
        report.add(String.format("| %d | %.3f | %.3f | %.1f | %.1f | %.0f %% |", round, idleCores, loadedCores,
            loadedCores * msPerThousand, (loadedCores - idleCores) * msPerThousand, loaded.machineBusy() * 100));
        System.out.println(report.get(report.size() - 1));
        audit.awaitCaughtUp(CATCH_UP);
      }
    }
    report.add(String.format("%none node, %d partitions, %d customers in memory, %d s at %d events/s per round"
        + " (1 %% of them redeliveries), %d s idle before each", PARTITIONS, CUSTOMERS, MEASURED.toSeconds(), RATE,
        IDLE.toSeconds()));
    Files.writeString(REPORT, String.join("\n", report) + "\n");
    System.out.println(String.join("\n", report));
  }

  /** The node's CPU time and the machine's busy time from a start, read when asked. */
  private record Usage(long pid, long startNanos, Duration startCpu, long[] startMachine) {

    static Usage of(long pid) throws IOException {
      return new Usage(pid, System.nanoTime(), cpu(pid), machine());
    }

    double seconds() {
      return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The node's CPU seconds per second since the start: 1.0 is one core busy all the time. */
    double cores() {
      return (cpu(pid).minus(startCpu).toNanos() / 1e9) / seconds();
    }

    double machineBusy() throws IOException {
      long[] now = machine();
      return (now[0] - startMachine[0]) / (double) (now[1] - startMachine[1]);
    }

    private static Duration cpu(long pid) {
      return ProcessHandle.of(pid).orElseThrow().info().totalCpuDuration().orElseThrow();
    }

    // busy and total ticks of all cores
    private static long[] machine() throws IOException {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split(" +");
      long busy = 0;
      long total = 0;
      for (int i = 1; i <= CPU_FIELDS; i++) {
        long ticks = Long.parseLong(fields[i]);
        total += ticks;
        busy += i == IDLE_FIELD || i == IOWAIT_FIELD ? 0 : ticks;
      }
      return new long[] {busy, total};
    }
  }
}
