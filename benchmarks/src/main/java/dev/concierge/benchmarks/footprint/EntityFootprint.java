package dev.concierge.benchmarks.footprint;

import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.Cli;
import dev.concierge.benchmarks.footprint.BaselineRepresentation.NaiveState;
import dev.concierge.benchmarks.footprint.LayoutAccounting.Breakdown;
import dev.concierge.benchmarks.footprint.LayoutAccounting.Part;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.FeatureSettings;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the retained heap per customer, as the issue asks: with {@code --entities} customers (100k by
 * default) each holding the standard feature set, for the compact state the customer actor keeps and,
 * in the same run, for a straightforward baseline ({@link BaselineRepresentation}). Each run builds
 * and holds all customers of one representation and reads the settled used heap before and after;
 * runs alternate the order of the representations, and the report gives medians and the baseline's
 * ratio to the compact state. An account of the expected bytes ({@link LayoutAccounting}), optionally
 * JOL's, and optionally whole sharded entities ({@link ShardedFootprint}) follow.
 *
 * <p>Run with a fixed heap, e.g. {@code java -Xms2g -Xmx2g -XX:+UseG1GC -cp ... EntityFootprint}; see
 * BENCHMARKS.md ("Customer state footprint") for the full command.
 */
@Command(name = "EntityFootprint", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    sortOptions = false,
    description = {
        "Measures the retained heap per customer: the compact state (FeatureState + EventIdWindow) against a"
            + " baseline that keeps the same features as CustomerFeatures (names) and the dedupe window as event-id"
            + " strings.",
        ""},
    footer = {"", "Run it with a fixed heap, e.g. -Xms2g -Xmx2g,", "and without -XX:+DisableExplicitGC."})
public final class EntityFootprint implements Callable<Integer> {

  /** The issue's target per entity holding the standard feature set. */
  static final long TARGET_BYTES_PER_ENTITY = 1024;
  /** Customers built once, unmeasured, so that lazily created JDK and library state is not counted. */
  private static final int WARM_UP_ENTITIES = 2_000;

  @Option(names = "--entities", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "100000",
      description = "customers held at once (default ${DEFAULT-VALUE})")
  int entities;

  @Option(names = "--events-per-entity", paramLabel = "E", converter = Cli.NotNegative.class,
      description = "events folded into each customer (default: just enough to fill every bounded list, the"
          + " affinity and the dedupe window of the configured settings)")
  int eventsPerEntity = Workload.FILL;

  @Option(names = "--runs", paramLabel = "R", converter = Cli.Positive.class, defaultValue = "5",
      description = "measurements per representation, in alternating order; the report gives their median"
          + " (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--sharded",
      description = "also measure live sharded entities (a stand-in behavior and CustomerEntity)")
  boolean sharded;

  @Option(names = "--jol", description = {
      "also size one customer with JOL's GraphLayout: put jol-core on the classpath and run with",
      "-Djdk.attach.allowAttachSelf=true", "-Djol.magicFieldOffset=true"})
  boolean jol;

  private final HeapMeter meter = new HeapMeter();
  private Workload workload;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EntityFootprint()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    workload = Workload.fromConfig(ConfigFactory.load().getConfig("concierge"), eventsPerEntity);
    run();
    return 0;
  }

  private void run() throws Exception {
    printSetup();
    Representation compact = new CompactRepresentation(workload);
    Representation baseline = new BaselineRepresentation(workload);
    warmUp(compact, baseline);

    Samples compactBytes = new Samples();
    Samples baselineBytes = new Samples();
    Samples ratios = new Samples();
    for (int run = 0; run < runs; run++) {
      // alternate which goes first, so neither always meets a heap the other just left
      boolean compactFirst = run % 2 == 0;
      double first = measure(compactFirst ? compact : baseline, run);
      double second = measure(compactFirst ? baseline : compact, run);
      double compactRun = compactFirst ? first : second;
      double baselineRun = compactFirst ? second : first;
      compactBytes.add(compactRun);
      baselineBytes.add(baselineRun);
      ratios.add(baselineRun / compactRun);
    }
    Breakdown compactAccount = LayoutAccounting.compact(workload.settings());
    Breakdown baselineAccount = LayoutAccounting.baseline(sample(baseline));
    printSummary(compactBytes, baselineBytes, ratios, compactAccount, baselineAccount);
    printAccount(compactAccount);
    printAccount(baselineAccount);
    if (jol) {
      printJol(compact, baseline);
    }
    if (sharded) {
      measureSharded();
    }
  }

  private void printSetup() {
    CustomerSettings settings = workload.settings();
    FeatureSettings limits = settings.features();
    System.out.println("# EntityFootprint, " + Instant.now());
    System.out.println("JVM: " + JvmDescription.describe());
    System.out.printf(Locale.ROOT,
        "settings: recent-items %d, purchased-items %d, affinity-categories %d, session-categories %d, dedupe-window %d%n",
        limits.recentItemsLimit(), limits.purchasedItemsLimit(), limits.affinityCategoriesLimit(),
        limits.sessionCategoriesLimit(), settings.dedupeWindow());
    System.out.printf(Locale.ROOT, "%d entities, %d events each, catalog of %d items in %d categories, %d runs%n%n",
        entities, workload.eventsPerEntity(), Workload.CATALOG_ITEMS, workload.history().categoryCount(),
        runs);
  }

  private void warmUp(Representation... representations) {
    for (Representation representation : representations) {
      for (int customer = 0; customer < WARM_UP_ENTITIES; customer++) {
        representation.isFull(representation.build(customer));
      }
    }
  }

  /** Bytes per entity of one representation: settled heap with all entities held, less without. */
  private double measure(Representation representation, int run) {
    // the holder is allocated before the first reading: its 4 bytes per entity are not the entity's
    Object[] held = new Object[entities];
    long before = meter.settledUsedBytes();
    for (int customer = 0; customer < entities; customer++) {
      held[customer] = representation.build(customer);
    }
    long after = meter.settledUsedBytes();
    double bytesPerEntity = (after - before) / (double) entities;
    int full = 0;
    for (Object state : held) {
      full += representation.isFull(state) ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "run %d %-8s %8.1f B/entity (heap %d -> %d bytes; %d of %d entities full)%n",
        run + 1, representation.name(), bytesPerEntity, before, after, full, entities);
    Reference.reachabilityFence(held);
    return bytesPerEntity;
  }

  /** A customer from the middle of the population, whose event ids are as long as most. */
  private NaiveState sample(Representation baseline) {
    return (NaiveState) baseline.build(entities / 2);
  }

  private void printSummary(
      Samples compact, Samples baseline, Samples ratios, Breakdown compactAccount, Breakdown baselineAccount) {
    System.out.println();
    System.out.println("| representation | median B/entity | runs (B/entity) | layout account (B) |");
    System.out.println("|---|---:|---|---:|");
    System.out.printf(Locale.ROOT, "| compact (FeatureState + EventIdWindow) | %.1f | %s | %d |%n",
        compact.median(), compact.list(), compactAccount.total());
    System.out.printf(Locale.ROOT, "| baseline (CustomerFeatures + List<String> ids) | %.1f | %s | %d |%n",
        baseline.median(), baseline.list(), baselineAccount.total());
    System.out.printf(Locale.ROOT, "%nbaseline / compact: %.2fx (median of the runs' ratios; runs: %s)%n",
        ratios.median(), ratios.list());
    System.out.printf(Locale.ROOT, "target <= %d B per entity: %s (compact median %.1f B)%n",
        TARGET_BYTES_PER_ENTITY, compact.median() <= TARGET_BYTES_PER_ENTITY ? "met" : "NOT met", compact.median());
    if (!JvmDescription.hasStandardLayout()) {
      System.out.println("note: this JVM's object layout is not the one the layout account assumes "
          + "(12-byte headers, 4-byte references), so the account does not apply to it");
    }
  }

  private static void printAccount(Breakdown account) {
    System.out.printf("%nlayout account, %s:%n%n| part | count | bytes |%n|---|---:|---:|%n", account.representation());
    for (Part part : account.parts()) {
      System.out.printf(Locale.ROOT, "| %s | %d | %d |%n", part.what(), part.count(), part.bytes());
    }
    System.out.printf(Locale.ROOT, "| **total** | | **%d** |%n", account.total());
  }

  private void printJol(Representation compact, Representation baseline) {
    JolCrossCheck jol = JolCrossCheck.load();
    Object compactState = compact.build(entities / 2);
    NaiveState naiveState = sample(baseline);
    List<String> noneShared = List.of();
    System.out.printf(Locale.ROOT, "%nJOL GraphLayout: compact %d B; baseline %d B, not counting the %d names "
            + "shared with the vocabulary%n",
        jol.bytes(compactState, noneShared),
        jol.bytes(naiveState, LayoutAccounting.sharedNames(naiveState.features())),
        LayoutAccounting.sharedNames(naiveState.features()).size());
    System.out.println("\nJOL footprint, compact:\n" + jol.footprint(compactState));
    System.out.println("JOL footprint, baseline (its String and byte[] lines include the shared names):\n"
        + jol.footprint(naiveState));
  }

  private void measureSharded() throws Exception {
    ShardedFootprint sharded = new ShardedFootprint(workload, meter);
    Map<ShardedFootprint.Kind, Samples> steady = new EnumMap<>(ShardedFootprint.Kind.class);
    Map<ShardedFootprint.Kind, Samples> justStarted = new EnumMap<>(ShardedFootprint.Kind.class);
    Map<ShardedFootprint.Kind, String> growth = new EnumMap<>(ShardedFootprint.Kind.class);
    System.out.println();
    for (int run = 0; run < runs; run++) {
      List<ShardedFootprint.Kind> order = new ArrayList<>(List.of(ShardedFootprint.Kind.values()));
      if (run % 2 == 1) {
        Collections.reverse(order);
      }
      for (ShardedFootprint.Kind kind : order) {
        ShardedFootprint.Result result = sharded.measure(kind, entities);
        steady.computeIfAbsent(kind, k -> new Samples()).add(result.steady());
        justStarted.computeIfAbsent(kind, k -> new Samples()).add(result.justStarted());
        growth.putIfAbsent(kind, result.classGrowth());
        System.out.printf(Locale.ROOT, "sharded run %d %-36s %8.1f B/entity steady (%.1f just started)%n",
            run + 1, kind.label, result.steady(), result.justStarted());
      }
    }
    System.out.println("\n| live sharded entity | median B/entity, steady | runs (B/entity) | median just started |");
    System.out.println("|---|---:|---|---:|");
    steady.forEach((kind, values) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %.1f |%n",
        kind.label, values.median(), values.list(), justStarted.get(kind).median()));
    growth.forEach((kind, table) -> System.out.printf(
        "%nlive objects added per entity, %s (first run, steady, class histogram):%n%n%s", kind.label, table));
  }
}
