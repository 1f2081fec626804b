package dev.concierge.benchmarks.ingestion;

import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.CpuTicks;
import dev.concierge.benchmarks.load.EventsTopic;
import dev.concierge.benchmarks.load.GroupOffsets;
import dev.concierge.benchmarks.load.ServerKeyOption;
import dev.concierge.models.DemoCatalog;
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
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Ingestion throughput of one node over a history that is already in Kafka: samples the consumer
 * group's committed offsets and the CPU time of the named processes every second, from the node's
 * first commit until the group has committed the end of every partition; then checks a sample of
 * customers' event counts against the simulation, and appends the run to the report.
 */
@Command(name = "IngestionBenchmark", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    description = {
        "Start it before the node consumes: it waits for the group's first commit, then samples the committed offsets"
            + " (and the named processes' CPU time from /proc) every --every until the group has committed the end of"
            + " every partition. Reports the events, the time from the first to the last commit, the overall rate,"
            + " the sustained rate (10 %% to 90 %% of the events committed) and each process's share of the machine's"
            + " cores over that time. Then compares --check customers' event counts on the node with the simulation"
            + " of --customers/--events/--seed over the demo catalog, and exits 1 if any differ. Appends the run to"
            + " ingestion-runs.csv and ingestion-offsets.csv and rewrites ingestion.md from all the runs in --out.",
        ""})
public final class IngestionBenchmark implements Callable<Integer> {

  private static final String RUNS_FILE = "ingestion-runs.csv";
  private static final double SUSTAINED_FROM = 0.1;
  private static final double SUSTAINED_TO = 0.9;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final int SHOWN_DIFFERENCES = 10;
  private static final double NANOS_PER_SECOND = 1e9;

  @Mixin
  private EventsTopic kafka;

  @Mixin
  private ServerKeyOption serverKey;

  @Option(names = "--group", paramLabel = "G", defaultValue = "concierge-ingestion",
      description = "the node's consumer group (default ${DEFAULT-VALUE})")
  private String group;

  @Mixin
  IngestionWorkload workload;

  @Option(names = "--catalog-items", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "1000",
      description = "the demo catalog DevSetup loads (default ${DEFAULT-VALUE}, cluster-config's"
          + " concierge.dev.demo-catalog)")
  private int catalogItems;

  @Option(names = "--catalog-seed", paramLabel = "S", defaultValue = "42",
      description = "the demo catalog's seed (default ${DEFAULT-VALUE})")
  private long catalogSeed;

  @Option(names = "--node", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
      description = "the node's HTTP address, for the count check (default ${DEFAULT-VALUE})")
  private URI node;

  @Option(names = "--check-seed", paramLabel = "S", defaultValue = "7",
      description = "picks the customers checked (default ${DEFAULT-VALUE})")
  private long checkSeed;

  @Option(names = "--pid", paramLabel = "NAME=PID",
      description = "a process whose CPU share to report, repeated for each (node, cassandra, kafka)")
  Map<String, Long> pids = new LinkedHashMap<>();

  @Mixin
  private CpuTicks.PerSecond clockTicks;

  @Option(names = "--every", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "1s",
      description = "sampling interval (default ${DEFAULT-VALUE})")
  private Duration every;

  @Option(names = "--start-timeout", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "5m",
      description = "how long to wait for the first commit (default ${DEFAULT-VALUE})")
  private Duration startTimeout;

  @Option(names = "--timeout", paramLabel = "D", converter = Cli.DurationValue.class, defaultValue = "60m",
      description = "how long the whole run may take (default ${DEFAULT-VALUE})")
  private Duration timeout;

  @Option(names = "--label", paramLabel = "L", converter = IngestionWorkload.Label.class, defaultValue = "current",
      description = "what this run measures (default ${DEFAULT-VALUE}); runs of a label are numbered in turn")
  private String label;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "benchmarks/target/bench",
      description = "where the report goes (default ${DEFAULT-VALUE})")
  private Path out;

  private final long started = System.nanoTime();
  private GroupOffsets offsets;

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestionBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try (Admin admin = kafka.admin()) {
      offsets = new GroupOffsets(admin, kafka.topic());
      return run();
    }
  }

  private int run() throws Exception {
    List<IngestionRun> runsSoFar = runsSoFar();
    long produced = workload.events;
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
        CpuUse.between(first, last, List.copyOf(pids.keySet()), clockTicks.ticks(), cores);
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
    EventCountCheck check =
        new EventCountCheck(
            workload.simulation(), DemoCatalog.generate(catalogItems, catalogSeed), HTTP_TIMEOUT, serverKey.key());
    System.err.printf(Locale.ROOT, "[ingestion] checking %d customers' event counts against the simulation%n",
        workload.check);
    EventCountCheck.Result result = check.check(node, workload.check, checkSeed);
    System.err.printf(Locale.ROOT, "[ingestion] %d customers checked, %d differ%n", result.checked(),
        result.differences().size());
    return result;
  }

  private List<IngestionRun> runsSoFar() throws IOException {
    Path runsFile = out.resolve(RUNS_FILE);
    return Files.exists(runsFile) ? IngestionRun.parse(Files.readString(runsFile)) : List.of();
  }

  private void write(List<IngestionRun> runsSoFar, IngestionRun run, CommitProgress progress) throws IOException {
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
}
