package dev.concierge.benchmarks.replay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.CpuTicks;
import dev.concierge.benchmarks.SimulatedHistory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.replay.JournalEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.offline.simulation.SimulationSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast {@code --source journal} replays: fills a Cassandra keyspace of its own with a simulated
 * history through the journal plugin's own writer ({@link JournalFill}), then reads it back with
 * {@link JournalEventSource} several times, alone and through the feature function, and prints the
 * median rate, peak heap and CPU per event (this JVM's, and Cassandra's given its pid): on a shared
 * machine the CPU figures say what the rate would be with the cores to itself. Drops the keyspace at the end unless told to keep it.
 * See the replay section of BENCHMARKS.md.
 */
@Command(name = "JournalReplayThroughput", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = {
        "Fills a keyspace of its own with a simulated journal, replays it from Cassandra RUNS times after a warm-up,"
            + " reading only and reading through the feature function, and prints events/s and peak heap.",
        "Cassandra is at CONCIERGE_CASSANDRA_CONTACT_POINT (default 127.0.0.1:9042)."})
public final class JournalReplayThroughput implements Callable<Integer> {

  private static final int CATALOG_SIZE = 2_000;
  private static final long SEED = 42;
  private static final double NANOS_PER_SECOND = 1e9;
  private static final long MIB = 1024 * 1024;
  private static final Duration FILL_REPORT_EVERY = Duration.ofSeconds(10);
  private static final String ENTITY = CustomerEntity.ENTITY_KEY.name();

  @Option(names = "--events", converter = Cli.Positive.class, defaultValue = "1000000",
      description = "events in the journal (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--customers", converter = Cli.Positive.class, defaultValue = "20000",
      description = "customers in the journal (default ${DEFAULT-VALUE})")
  int customers;

  @Option(names = "--runs", converter = Cli.Positive.class, defaultValue = "5",
      description = "measured replays of each kind, after one that warms up (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--keyspace", description = "the keyspace to fill and read (default: a new one, journal_bench_<time>)")
  String keyspace;

  @Option(names = "--filled", description = "the keyspace already holds the journal of these arguments: skip writing it")
  boolean filled;

  @Option(names = "--keep", description = "keep the keyspace at the end (to measure it again with --filled)")
  boolean keep;

  @Option(names = "--cassandra-pid", description = "Cassandra's process id, to measure its CPU per event too")
  Long cassandraPid;

  @CommandLine.Mixin CpuTicks.PerSecond clockTicks;

  @Option(names = "--sort-buffer", converter = Cli.Positive.class,
      description = "events sorted in memory before a run is spilled to disk (default: concierge.replay.journal.sort-buffer)")
  Integer sortBuffer;

  public static void main(String[] args) {
    System.exit(new CommandLine(new JournalReplayThroughput()).execute(args));
  }

  @Override
  public Integer call() {
    String space = keyspace != null ? keyspace : "journal_bench_" + Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
    Config config = config(space);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "journal-bench", config);
    try {
      if (!filled) {
        fill(system);
      }
      JournalEventSource.Settings settings = JournalEventSource.Settings.fromConfig(config, ENTITY);
      if (sortBuffer != null) {
        settings = settings.withSortBuffer(sortBuffer);
      }
      System.out.printf("keyspace %s, sort buffer %,d events, %d token ranges %d at a time%n",
          space, settings.sortBuffer(), settings.tokenRanges(), settings.parallelism());
      FeatureSettings features = CustomerSettings.fromConfig(config.getConfig("concierge")).features();
      measure("journal, read only", system, settings, null);
      measure("journal, read + feature function", system, settings, features);
      heapPerBufferedEvent(system, settings);
    } finally {
      if (!keep) {
        CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra")
            .executeDDL("DROP KEYSPACE IF EXISTS \"" + space + "\"").toCompletableFuture().join();
        System.out.println("dropped keyspace " + space);
      }
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
    return 0;
  }

  private static Config config(String keyspace) {
    return ConfigFactory.parseString(String.join("\n",
            "pekko.actor.provider = local",
            "pekko.loglevel = WARNING",
            // the harness's classpath puts Pekko's reference.conf before persistence's, whose choices these are
            "pekko.persistence.journal.plugin = \"pekko.persistence.cassandra.journal\"",
            "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.cassandra.snapshot\"",
            "pekko.persistence.cassandra.events-by-tag.enabled = false",
            "pekko.persistence.cassandra.journal.keyspace = \"" + keyspace + "\"",
            "pekko.persistence.cassandra.snapshot.keyspace = \"" + keyspace + "\"",
            "pekko.persistence.cassandra.journal.keyspace-autocreate = true",
            "pekko.persistence.cassandra.journal.tables-autocreate = true",
            "pekko.persistence.cassandra.snapshot.keyspace-autocreate = true",
            "pekko.persistence.cassandra.snapshot.tables-autocreate = true",
            // creating a keyspace on a busy 2-core machine takes seconds
            "datastax-java-driver.basic.request.timeout = 20s"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  private void fill(ActorSystem<?> system) {
    SimulatedHistory history = SimulatedHistory.generate(CATALOG_SIZE, SEED, SimulationSettings.of(customers, events, SEED));
    long started = System.nanoTime();
    long[] nextReport = {started + FILL_REPORT_EVERY.toNanos()};
    int written = new JournalFill(system, ENTITY).write(history.events(), persisted -> {
      long now = System.nanoTime();
      if (now >= nextReport[0]) {
        nextReport[0] = now + FILL_REPORT_EVERY.toNanos();
        System.out.printf("  filled %,d of %,d events%n", persisted, events);
      }
    });
    double seconds = (System.nanoTime() - started) / NANOS_PER_SECOND;
    System.out.printf("filled the journal with %,d events of %,d customers in %.0f s (%,.0f events/s)%n",
        history.events().size(), written, seconds, history.events().size() / seconds);
  }

  /** One measured replay: its rate, the heap it peaked at, and CPU per event of this JVM and Cassandra. */
  private record Run(double eventsPerSecond, long peakHeapMib, double replayMicros, double cassandraMicros, double machineBusy) {}

  /** @param features runs the feature function over every event too, as {@code replay} does; null reads only */
  private void measure(String what, ActorSystem<?> system, JournalEventSource.Settings settings, FeatureSettings features) {
    List<Run> measured = new ArrayList<>();
    long count = 0;
    long self = ProcessHandle.current().pid();
    for (int run = 0; run <= runs; run++) {
      System.gc();
      resetPeakHeap();
      long selfTicks = CpuTicks.ofProcess(self);
      long cassandraTicks = cassandraPid == null ? 0 : CpuTicks.ofProcess(cassandraPid);
      CpuTicks.Machine machine = CpuTicks.ofMachine();
      long start = System.nanoTime();
      try (ReplayEvents replay = new JournalEventSource(system, settings).open(TimeRange.all())) {
        if (features == null) {
          count = 0;
          while (replay.hasNext()) {
            replay.next();
            count++;
          }
        } else {
          HistoryReplay fold = new HistoryReplay(features, new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE),
              Catalog.of(DemoCatalog.generate(CATALOG_SIZE, SEED)));
          count = fold.replayRecorded(() -> replay, Instant.MAX, (event, state) -> { });
        }
      }
      double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
      CpuTicks.Machine after = CpuTicks.ofMachine();
      if (run > 0) {
        // run 0 warms the JIT up
        measured.add(new Run(
            count / seconds, peakHeap() / MIB,
            microsPerEvent(CpuTicks.ofProcess(self) - selfTicks, count),
            cassandraPid == null ? Double.NaN : microsPerEvent(CpuTicks.ofProcess(cassandraPid) - cassandraTicks, count),
            (after.busy() - machine.busy()) / (double) (after.total() - machine.total())));
      }
    }
    System.out.printf("%s, %,d events (medians of %d runs):%n", what, count, measured.size());
    System.out.printf("  %,.0f events/s (runs: %s)%n", median(measured, Run::eventsPerSecond),
        join(measured, run -> String.format("%,.0f", run.eventsPerSecond())));
    System.out.printf("  peak heap %,.0f MiB (runs: %s)%n", median(measured, run -> run.peakHeapMib()),
        join(measured, run -> Long.toString(run.peakHeapMib())));
    System.out.printf("  CPU per event: this JVM %.1f us, Cassandra %.1f us; machine busy %.0f%% (runs: %s)%n",
        median(measured, Run::replayMicros), median(measured, Run::cassandraMicros),
        100 * median(measured, Run::machineBusy), join(measured, run -> String.format("%.0f%%", 100 * run.machineBusy())));
  }

  private double microsPerEvent(long ticks, long events) {
    return ticks * 1e6 / clockTicks.ticks() / events;
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    double[] values = runs.stream().mapToDouble(value).sorted().toArray();
    return values[values.length / 2];
  }

  private static String join(List<Run> runs, Function<Run, String> text) {
    return String.join(" ", runs.stream().map(text).toList());
  }

  /** The heap an event costs while it waits in the sort's buffer: the whole journal held, nothing spilled. */
  private static void heapPerBufferedEvent(ActorSystem<?> system, JournalEventSource.Settings settings) {
    long before = usedHeapAfterGc();
    try (ReplayEvents held = new JournalEventSource(system, settings.withSortBuffer(Integer.MAX_VALUE)).open(TimeRange.all())) {
      long after = usedHeapAfterGc();
      long events = held.report().plannedEvents();
      System.out.printf("sort buffer: %,d bytes of heap per event held (%,d events held)%n", (after - before) / events, events);
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any one time. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

}
