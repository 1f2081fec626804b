package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.CommandLine;
import dev.concierge.benchmarks.CpuTicks;
import dev.concierge.benchmarks.load.GroupOffsets;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.simulation.SimulationSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ingestion throughput of one node over a history that is already in Kafka: samples the consumer
 * group's committed offsets and the CPU time of the named processes every second, from the node's
 * first commit until the group has committed the end of every partition; then checks a sample of
 * customers' event counts against the simulation, and appends the run to the report.
 */
public final class IngestionBenchmark {

  private static final Set<String> OPTIONS = Set.of(
      "bootstrap", "topic", "group", "pid", "clock-ticks", "every", "start-timeout", "timeout", "node", "customers",
      "events", "seed", "catalog-items", "catalog-seed", "check", "check-seed", "label", "out");

  private static final String USAGE = String.join("\n",
      "usage: IngestionBenchmark --events N --customers N --seed S --node URL [--pid NAME=PID ...] [options]",
      "",
      "Start it before the node consumes: it waits for the group's first commit, then samples the committed",
      "offsets (and the named processes' CPU time from /proc) every --every until the group has committed the",
      "end of every partition. Reports the events, the time from the first to the last commit, the overall",
      "rate, the sustained rate (10 % to 90 % of the events committed) and each process's share of the",
      "machine's cores over that time. Then compares --check customers' event counts on the node with the",
      "simulation of --customers/--events/--seed over the demo catalog, and exits 1 if any differ.",
      "Appends the run to ingestion-runs.csv and ingestion-offsets.csv and rewrites ingestion.md from all",
      "the runs in --out.",
      "",
      "  --bootstrap HOST:PORT  Kafka (default 127.0.0.1:9092); --topic T (default customer-events)",
      "  --group G              the node's consumer group (default concierge-ingestion)",
      "  --events N             the records the simulator produced; the topic must hold exactly these",
      "  --customers N, --seed S  the simulation's other settings (its period is the default one)",
      "  --catalog-items N, --catalog-seed S  the demo catalog DevSetup loads (default 1000 and 42,",
      "                       cluster-config's concierge.dev.demo-catalog)",
      "  --node URL             the node's HTTP address, for the count check",
      "  --check N              customers compared (default 500); --check-seed S picks them (default 7)",
      "  --pid NAME=PID         a process whose CPU share to report; repeat for each (node, cassandra, kafka)",
      "  --clock-ticks N        the kernel's clock ticks per second, getconf CLK_TCK (default 100)",
      "  --every D              sampling interval (default 1s)",
      "  --start-timeout D      how long to wait for the first commit (default 5m); --timeout D for all (60m)",
      "  --label L              what this run measures (default current); runs of a label are numbered in turn",
      "  --out DIR              where the report goes (default benchmarks/target/bench)");

  private static final String RUNS_FILE = "ingestion-runs.csv";
  private static final double SUSTAINED_FROM = 0.1;
  private static final double SUSTAINED_TO = 0.9;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final int SHOWN_DIFFERENCES = 10;
  private static final double NANOS_PER_SECOND = 1e9;

  private final CommandLine line;
  private final GroupOffsets offsets;
  private final String group;
  private final Map<String, Long> pids;
  private final long started = System.nanoTime();

  private IngestionBenchmark(CommandLine line, GroupOffsets offsets) {
    this.line = line;
    this.offsets = offsets;
    this.group = line.text("group", "concierge-ingestion");
    this.pids = pids(line.all("pid"));
  }

  public static void main(String[] args) throws Exception {
    CommandLine line = CommandLine.ofTool("IngestionBenchmark", USAGE, args, OPTIONS);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, line.text("bootstrap", "127.0.0.1:9092"));
    try (Admin admin = Admin.create(props)) {
      System.exit(new IngestionBenchmark(line, new GroupOffsets(admin, line.text("topic", "customer-events"))).run());
    }
  }

  private int run() throws Exception {
    String label = line.text("label", "current");
    List<IngestionRun> runsSoFar = runsSoFar();
    long produced = line.positive("events", 1);
    long total = offsets.ends().values().stream().mapToLong(Long::longValue).sum();
    if (total != produced) {
      System.err.printf(Locale.ROOT, "[ingestion] the topic holds %,d records, not the %,d produced%n", total, produced);
      return 1;
    }
    List<Sample> samples = sampleUntilCommitted(total);
    CommitProgress progress = new CommitProgress(total, samples.stream().map(Sample::commit).toList());
    Sample first = samples.stream().filter(sample -> sample.commit().equals(progress.firstCommit())).findFirst().orElseThrow();
    Sample last = samples.get(samples.size() - 1);
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, Double> cpu =
        CpuUse.between(first, last, List.copyOf(pids.keySet()), line.positive("clock-ticks", 100), cores);
    EventCountCheck.Result check = checkCounts();
    int number = (int) runsSoFar.stream().filter(earlier -> earlier.label().equals(label)).count() + 1;
    IngestionRun run = new IngestionRun(label, number,
        first.at().truncatedTo(ChronoUnit.SECONDS).toString(), total, progress.elapsed(), progress.overallRate(),
        progress.sustainedRate(SUSTAINED_FROM, SUSTAINED_TO), cores, cpu, first.loadAverage(), last.loadAverage(),
        check.checked(), check.differences().size());
    write(runsSoFar, run, progress);
    check.differences().stream().limit(SHOWN_DIFFERENCES).forEach(d -> System.err.println("[ingestion] DIFFERS " + d));
    return check.differences().isEmpty() ? 0 : 1;
  }

  // the measurement starts at the first sample that sees a commit, so sampling starts before the node's
  private List<Sample> sampleUntilCommitted(long total) throws Exception {
    Duration every = line.duration("every", "1s");
    Duration startTimeout = line.duration("start-timeout", "5m");
    Duration timeout = line.duration("timeout", "60m");
    List<Sample> samples = new ArrayList<>();
    Sample sample = sample();
    if (sample.commit().committed() > 0) {
      throw new IllegalStateException("the group " + group + " has committed " + sample.commit().committed()
          + " records already; start the benchmark before the node");
    }
    samples.add(sample);
    Sample shown = sample;
    while (sample.commit().committed() < total) {
      double waited = sample.commit().seconds();
      if (sample.commit().committed() == 0 && waited > startTimeout.toSeconds()) {
        throw new IllegalStateException("no commit of group " + group + " within " + startTimeout.toSeconds() + " s");
      }
      if (waited > timeout.toSeconds()) {
        throw new IllegalStateException(String.format(Locale.ROOT, "only %,d of %,d records committed after %d s",
            sample.commit().committed(), total, timeout.toSeconds()));
      }
      Thread.sleep(every.toMillis());
      sample = sample();
      samples.add(sample);
      if (sample.commit().seconds() - shown.commit().seconds() >= PROGRESS_EVERY.toSeconds()) {
        System.err.printf(Locale.ROOT, "[ingestion] %6.0f s: %,d of %,d committed, %,.0f/s lately%n",
            sample.commit().seconds(), sample.commit().committed(), total,
            (sample.commit().committed() - shown.commit().committed())
                / (sample.commit().seconds() - shown.commit().seconds()));
        shown = sample;
      }
    }
    return samples;
  }

  private Sample sample() throws Exception {
    Map<String, Long> ticks = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ticks.put(name, CpuTicks.ofProcess(pid)));
    CpuTicks.Machine machine = CpuTicks.ofMachine();
    long committed = offsets.committed(group);
    return new Sample(new CommitSample(secondsSinceStart(), committed), ticks, machine, Instant.now(), loadAverage());
  }

  private EventCountCheck.Result checkCounts() throws IOException, InterruptedException {
    SimulationSettings settings = SimulationSettings.of(
        line.positive("customers", 1), line.positive("events", 1), Long.parseLong(line.text("seed", "1")));
    EventCountCheck check = new EventCountCheck(settings,
        DemoCatalog.generate(line.positive("catalog-items", 1000), Long.parseLong(line.text("catalog-seed", "42"))),
        HTTP_TIMEOUT);
    int size = line.positive("check", 500);
    System.err.printf(Locale.ROOT, "[ingestion] checking %d customers' event counts against the simulation%n", size);
    EventCountCheck.Result result =
        check.check(URI.create(line.text("node", "http://127.0.0.1:8080")), size, Long.parseLong(line.text("check-seed", "7")));
    System.err.printf(Locale.ROOT, "[ingestion] %d customers checked, %d differ%n", result.checked(),
        result.differences().size());
    return result;
  }

  private Path out() {
    return Path.of(line.text("out", "benchmarks/target/bench"));
  }

  private List<IngestionRun> runsSoFar() throws IOException {
    Path runsFile = out().resolve(RUNS_FILE);
    return Files.exists(runsFile) ? IngestionRun.parse(Files.readString(runsFile)) : List.of();
  }

  private void write(List<IngestionRun> runsSoFar, IngestionRun run, CommitProgress progress) throws IOException {
    Path out = out();
    Files.createDirectories(out);
    List<IngestionRun> runs = new ArrayList<>(runsSoFar);
    runs.add(run);
    IngestionReport report = new IngestionReport(runs);
    Files.writeString(out.resolve(RUNS_FILE), report.csv());
    Files.writeString(out.resolve("ingestion.md"), report.markdown());
    appendOffsets(out.resolve("ingestion-offsets.csv"), run, progress);
    System.out.println(report.markdown());
    System.err.println("[ingestion] written: " + out.resolve("ingestion.md") + ", ingestion-runs.csv, ingestion-offsets.csv");
  }

  private static void appendOffsets(Path file, IngestionRun run, CommitProgress progress) throws IOException {
    StringBuilder rows = new StringBuilder(Files.exists(file) ? "" : "label,run,seconds,committed\n");
    for (CommitSample sample : progress.fromFirstCommit()) {
      rows.append(String.format(Locale.ROOT, "%s,%d,%.3f,%d%n", run.label(), run.run(), sample.seconds(),
          sample.committed()));
    }
    Files.writeString(file, rows, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private double secondsSinceStart() {
    return (System.nanoTime() - started) / NANOS_PER_SECOND;
  }

  private static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static Map<String, Long> pids(List<String> given) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String pair : given) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("--pid takes NAME=PID, not " + pair);
      }
      pids.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
    }
    return pids;
  }
}
