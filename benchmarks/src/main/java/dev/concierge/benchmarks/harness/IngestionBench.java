package dev.concierge.benchmarks.harness;

import static dev.concierge.benchmarks.harness.LocalServices.CASSANDRA;
import static dev.concierge.benchmarks.harness.LocalServices.KAFKA;

import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.ingestion.IngestionBenchmark;
import dev.concierge.benchmarks.ingestion.IngestionWorkload;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/concierge bench ingestion}: each run starts from clean Kafka and Cassandra, runs the dev setup, puts
 * the whole history into Kafka while no node consumes, then starts one node on the bench's JDK, which
 * IngestionBenchmark measures from its first commit until the group has committed the end of every partition.
 */
@Command(name = "ingestion", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    header = "Kafka to persisted: events/s of one node consuming a simulated history, and the services' CPU share",
    description = {
        "Kafka to persisted: a simulated history goes into Kafka first, then one node consumes it; events/s from"
            + " its first commit until every offset is committed, and the CPU share of the node, Cassandra and"
            + " Kafka; then customers' event counts are checked against the simulation (IngestionBenchmark). Each"
            + " run starts from clean services: every customer is new to the node.",
        "Tables go to benchmarks/target/bench/ingestion.md, the committed offsets over time to"
            + " ingestion-offsets.csv.",
        ""})
final class IngestionBench extends BenchmarkCommand {

  private static final List<String> REPORTS = List.of("ingestion-runs.csv", "ingestion-offsets.csv");
  private static final String UNKNOWN_COMMIT = "current";

  @Mixin(name = "workload")
  private IngestionWorkload workload;

  @Option(names = "--runs", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "3",
      description = "repetitions (default ${DEFAULT-VALUE}); the report shows their medians, min and max")
  private int runs;

  @Option(names = "--label", paramLabel = "L", converter = IngestionWorkload.Label.class,
      description = "names the variant measured in the report (default: the commit, e.g. 537746c)")
  private String label;

  @Option(names = "--append", description = "add to the runs already in the report instead of starting it afresh,"
      + " so that variants measured in alternation share one table")
  private boolean append;

  @Override
  protected int measure(BenchRun run) throws IOException {
    String variant = label != null ? label : commit(run);
    NodePorts node = run.node();
    for (int port : new int[] {node.httpPort(), node.remotePort(), node.managementPort()}) {
      NodeLauncher.requireFree(NodeLauncher::portTaken, port, "",
          "is another bench running? Wait, or choose other ports (CONCIERGE_*_PORT)");
    }
    Path out = run.results();
    if (!append) {
      for (String report : REPORTS) {
        Files.deleteIfExists(out.resolve(report));
      }
    }
    List<String> flags = run.flags(run.settings().ingestion());
    LocalServices services = new LocalServices(run);
    run.log("the node runs on " + run.commands().java().executable() + " " + String.join(" ", flags)
        + "; Cassandra with " + services.cassandraOptions());
    for (int number = 1; number <= runs; number++) {
      measureOnce(run, services, node, flags, number, variant, out);
    }
    run.log("done; tables in " + out.resolve("ingestion.md") + ", committed offsets over time in "
        + out.resolve("ingestion-offsets.csv"));
    return 0;
  }

  private void measureOnce(BenchRun run, LocalServices services, NodePorts node, List<String> flags, int number,
      String variant, Path out) throws IOException {
    String of = "run " + number + "/" + runs;
    // --clean stops the previous run's services first
    services.startClean(KAFKA, CASSANDRA);
    run.setUp();
    SimulationSettings history = workload.simulation();
    run.log(of + ": " + history.events() + " events of " + history.customers() + " customers (seed "
        + history.seed() + ") into Kafka, as fast as it takes them");
    String historyLog = "history-" + number;
    if (run.runLogged(historyLog, run.simulation(List.of("--customers", Integer.toString(history.customers()),
        "--events", Long.toString(history.events()), "--seed", Long.toString(history.seed())))) != 0) {
      throw new IllegalStateException("the history did not go into Kafka (log: " + run.logFile(historyLog) + ")");
    }
    run.log(of + ": the node starts consuming; load average " + loadAverage());
    String nodeLog = "node-" + number;
    Process consumer = run.startLogged(nodeLog, run.commands().node(flags));
    List<String> args = new ArrayList<>(List.of("--bootstrap", services.kafkaBootstrap()));
    args.addAll(GivenOptions.of(spec().mixins().get("workload")));
    args.addAll(List.of("--node", node.httpUrl().toString(), "--pid", "node=" + consumer.pid(),
        "--pid", "cassandra=" + services.pid(CASSANDRA), "--pid", "kafka=" + services.pid(KAFKA),
        "--clock-ticks", run.clockTicks(), "--label", variant, "--out", out.toString()));
    run.require("IngestionBenchmark", run.commands().harness(List.of(), IngestionBenchmark.class, args),
        "run " + number + ": the measurement or the count check failed (node log: " + run.logFile(nodeLog) + ")");
    run.started().stop(consumer);
  }

  /** The commit measured, e.g. {@code 537746c}; {@code current} outside a git checkout. */
  private static String commit(BenchRun run) {
    try {
      return run.output(List.of("git", "-C", run.home().toString(), "rev-parse", "--short", "HEAD")).strip();
    } catch (RuntimeException e) {
      return UNKNOWN_COMMIT;
    }
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ");
    return String.join(" ", fields[0], fields[1], fields[2]);
  }
}
