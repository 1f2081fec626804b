package dev.concierge.benchmarks.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.Cli;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.replay.FileEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * How fast history replays from a JSON-lines file: reading alone ({@link FileEventSource}, sorted
 * and streaming, or shuffled and loaded whole), and reading plus the live feature function for
 * every customer ({@link HistoryReplay}), measured in the same run so the ratio shows what the
 * feature function costs. Also the heap an unsorted file costs per event. Arguments
 * {@code [events] [customers] [runs]}; see the replay section of BENCHMARKS.md.
 */
@Command(name = "ReplayThroughput", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = {
        "Simulates a history, writes it as JSON lines (sorted, and shuffled), and replays it: reading alone, and"
            + " reading plus the feature function of every customer; then the heap an unsorted file costs per event.",
        ""})
public final class ReplayThroughput implements Callable<Integer> {

  private static final int CATALOG_SIZE = 2_000;
  private static final long SEED = 42;
  private static final double NANOS_PER_SECOND = 1e9;

  private static final FeatureSettings FEATURES =
      CustomerSettings.features(ConfigFactory.load().getConfig("concierge.features"));

  @Parameters(index = "0", arity = "0..1", paramLabel = "EVENTS", converter = Cli.Positive.class,
      defaultValue = "1000000", description = "events in the history (default ${DEFAULT-VALUE})")
  int events;

  @Parameters(index = "1", arity = "0..1", paramLabel = "CUSTOMERS", converter = Cli.Positive.class,
      defaultValue = "20000", description = "customers in the history (default ${DEFAULT-VALUE})")
  int customers;

  @Parameters(index = "2", arity = "0..1", paramLabel = "RUNS", converter = Cli.Positive.class,
      defaultValue = "5",
      description = "measured replays of each kind, after one that warms up (default ${DEFAULT-VALUE})")
  int runs;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayThroughput()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("replay-throughput");
    try {
      List<byte[]> lines = simulatedLines(events, customers);
      Path sorted = write(dir.resolve("sorted.jsonl"), lines);
      Collections.shuffle(lines, new Random(SEED));
      Path shuffled = write(dir.resolve("shuffled.jsonl"), lines);
      lines = null;
      System.out.printf("%,d events of %,d customers, %,d bytes per file%n", events, customers, Files.size(sorted));
      Catalog catalog = Catalog.of(DemoCatalog.generate(CATALOG_SIZE, SEED));
      measure("sorted file, read only", sorted, runs, null);
      measure("sorted file, read + feature function", sorted, runs, catalog);
      measure("unsorted file (loaded whole), read only", shuffled, runs, null);
      heapPerEvent(shuffled, events);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
    return 0;
  }

  private static List<byte[]> simulatedLines(long events, int customers) {
    EventJson json = new EventJson(new ObjectMapper());
    ShopperSimulation simulation =
        ShopperSimulation.of(SimulationSettings.of(customers, events, SEED), DemoCatalog.generate(CATALOG_SIZE, SEED));
    List<byte[]> lines = new ArrayList<>((int) events);
    simulation.events().forEachRemaining(event -> lines.add(json.write(event)));
    return lines;
  }

  private static Path write(Path file, List<byte[]> lines) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    return file;
  }

  /** @param catalog files events under categories for the feature function, or null to read only */
  private static void measure(String what, Path file, int runs, Catalog catalog) {
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      long start = System.nanoTime();
      long count = 0;
      try (ReplayEvents events = new FileEventSource(file).open(TimeRange.all())) {
        if (catalog == null) {
          while (events.hasNext()) {
            events.next();
            count++;
          }
        } else {
          HistoryReplay replay = new HistoryReplay(FEATURES, new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE), catalog);
          count = replay.replay(() -> new Iterator<CustomerEvent>() {
            @Override
            public boolean hasNext() {
              return events.hasNext();
            }

            @Override
            public CustomerEvent next() {
              return events.next().event();
            }
          }, Instant.MAX, (event, state) -> { });
        }
      }
      double rate = count / ((System.nanoTime() - start) / NANOS_PER_SECOND);
      if (run > 0) {
        // run 0 warms the JIT up
        rates.add(rate);
      }
    }
    Collections.sort(rates);
    System.out.printf("%-30s median %,.0f events/s (runs: %s)%n", what, rates.get(rates.size() / 2), format(rates));
  }

  private static void heapPerEvent(Path file, long events) {
    long before = usedHeapAfterGc();
    try (ReplayEvents loaded = new FileEventSource(file).open(TimeRange.all())) {
      long after = usedHeapAfterGc();
      System.out.printf("unsorted file heap: %,d bytes per event held (%,d events loaded)%n",
          (after - before) / events, loaded.report().plannedEvents());
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static String format(List<Double> rates) {
    List<String> texts = new ArrayList<>();
    rates.forEach(rate -> texts.add(String.format("%,.0f", rate)));
    return String.join(" ", texts);
  }
}
