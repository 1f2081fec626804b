package dev.concierge.tools.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.simulation.LatentTastesFile;
import dev.concierge.offline.simulation.ShopperBehaviour;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.tools.cli.Converters;
import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.cli.ToolProgress;
import dev.concierge.tools.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/concierge simulate}: synthetic shoppers ({@link ShopperSimulation}) over the demo
 * catalog, written as {@code customer-events} JSON lines to a file or produced to Kafka.
 */
@Command(
    name = "simulate",
    description = {
      "Synthetic shoppers on the demo catalog (the one `bin/concierge dev` loads). Shoppers and items have latent"
          + " tastes, items a long-tailed popularity. Shoppers browse in sessions along hidden clusters of related"
          + " items; they click, cart and buy what suits their taste and price range, buy some items without viewing"
          + " them, re-buy consumables, and sometimes wander at random. The same arguments give the same events, in"
          + " time order, with ids sim-<seed>-<n> and customers sim-c-<n>.",
      "The latent tastes go to a JSON file beside the events (FILE.tastes.json), for `backtest --oracle`. The"
          + " behaviour's other settings are under concierge.simulation (-Dconcierge.simulation.rebuy-interval=3d).",
      "Progress goes to stderr, the summary to stdout."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  bin/concierge simulate --customers 50 --events 2000 --seed 7 --out sim.jsonl",
      "  bin/concierge simulate --customers 1000 --events 100000 --seed 1 --kafka --rate 500"
    })
public final class SimulateCommand extends Tool {

  private static final String TASK = "simulate";
  private static final String UNIT = "events";
  private static final double NANOS_PER_SECOND = 1e9;
  /** The latent tastes' file beside the events' FILE: FILE.tastes.json. */
  private static final String TASTES_SUFFIX = ".tastes.json";

  @Option(names = "--customers", required = true, paramLabel = "N", converter = Converters.PositiveInt.class,
      description = "shoppers in the population (1 or more)")
  private int customers;

  @Option(names = "--events", required = true, paramLabel = "M", converter = Converters.PositiveLong.class,
      description = "exactly this many events (1 or more)")
  private long events;

  @Option(names = "--seed", required = true, paramLabel = "S",
      description = "any integer; the same seed gives the same shoppers and events")
  private long seed;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Where where;

  @Option(names = "--rate", paramLabel = "R", converter = Converters.EventRate.class,
      description = "a steady R events per second (default: as fast as possible)")
  private Double rate;

  @Option(names = "--start", paramLabel = "ISO", converter = Converters.IsoInstant.class,
      description = "the simulated period's first instant (default ${DEFAULT-VALUE})")
  private Instant start = SimulationSettings.DEFAULT_START;

  @Option(names = "--days", paramLabel = "D", converter = Converters.PositiveInt.class,
      description = "the simulated period's length in days (default ${DEFAULT-VALUE})")
  private int days = (int) SimulationSettings.DEFAULT_DURATION.toDays();

  @Option(names = "--factors", paramLabel = "K", converter = Converters.PositiveInt.class,
      description = "latent taste factors of every shopper and item (default: concierge.simulation.factors)")
  private Integer factors;

  @Option(names = "--direct-purchase-share", paramLabel = "X",
      description = "share of visits, 0..1, that open with buying an item picked by taste without viewing it"
          + " (default: concierge.simulation.direct-purchase-share)")
  private Double directPurchaseShare;

  @Option(names = "--noise-share", paramLabel = "X",
      description = "share of moves, 0..1, to a random item whatever the shopper's taste"
          + " (default: concierge.simulation.noise-share)")
  private Double noiseShare;

  @Option(names = "--tastes-out", paramLabel = "FILE",
      description = "where the latent tastes go, for `backtest --oracle FILE` (default: beside --out's file as"
          + " FILE.tastes.json; with --kafka only when given)")
  private Path tastesOut;

  /** Where the events go: a file or the topic, exactly one of them. */
  static final class Where {
    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "one customer-events JSON object per line into FILE (replaced if it exists)")
    private Path file;

    @Option(names = "--kafka", required = true,
        description = "produce to the customer-events topic, keyed by customerId; Kafka at CONCIERGE_KAFKA_BOOTSTRAP"
            + " (default 127.0.0.1:9092), topic created if missing")
    private boolean kafka;

    Destination destination() {
      return kafka ? new KafkaTopic() : new JsonLinesFile(file);
    }
  }

  @Override
  protected void run() {
    if (where.file != null && where.file.toString().isBlank()) {
      throw usageError("--out needs a file name");
    }
    Config config = ConfigFactory.load();
    SimulationSettings settings;
    ShopperSimulation simulation;
    try {
      settings = new SimulationSettings(customers, events, seed, start, Duration.ofDays(days));
      simulation = ShopperSimulation.of(settings, behaviour(config), demoCatalog(config));
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
    Path tastesFile = tastesOut != null ? tastesOut : where.file != null ? besideEvents(where.file) : null;
    Destination destination = where.destination();
    try {
      long started = System.nanoTime();
      try (EventSink sink = destination.open(config);
          ToolProgress progress = ToolProgress.start(TASK, settings.events(), UNIT, err())) {
        stream(simulation, sink, EventPacer.of(rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate)),
            progress);
      }
      printSummary(out(), settings, destination, config, (System.nanoTime() - started) / NANOS_PER_SECOND);
    } catch (IOException | UncheckedIOException | IllegalStateException | KafkaException e) {
      throw new IllegalStateException(destination.failure(e, config), e);
    }
    if (tastesFile != null) {
      writeTastes(simulation, tastesFile);
      out().println("latent tastes for backtest --oracle: " + tastesFile);
    }
  }

  private ShopperBehaviour behaviour(Config config) {
    ShopperBehaviour behaviour = ShopperBehaviour.fromConfig(config.getConfig("concierge"));
    if (factors != null) {
      behaviour = behaviour.withFactors(factors);
    }
    if (directPurchaseShare != null) {
      behaviour = behaviour.withDirectPurchaseShare(directPurchaseShare);
    }
    if (noiseShare != null) {
      behaviour = behaviour.withNoiseShare(noiseShare);
    }
    return behaviour;
  }

  private static Path besideEvents(Path events) {
    return events.resolveSibling(events.getFileName() + TASTES_SUFFIX);
  }

  private static void writeTastes(ShopperSimulation simulation, Path file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      new LatentTastesFile(new ObjectMapper()).write(simulation.tastes(), bytes);
      AtomicFiles.write(file, bytes.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the latent tastes to " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<CatalogItem> demoCatalog(Config config) {
    Config demo = config.getConfig("concierge.dev.demo-catalog");
    return DemoCatalog.generate(demo.getInt("items"), demo.getLong("seed"));
  }

  private static void stream(ShopperSimulation simulation, EventSink sink, EventPacer pacer, ToolProgress progress)
      throws IOException {
    EventJson json = new EventJson(new ObjectMapper());
    Iterator<CustomerEvent> events = simulation.events();
    for (long sent = 0; events.hasNext(); sent++) {
      pacer.awaitTurn(sent);
      CustomerEvent event = events.next();
      sink.accept(event.customerId(), json.write(event));
      progress.step();
    }
  }

  private static void printSummary(
      PrintStream out, SimulationSettings settings, Destination destination, Config config, double seconds) {
    out.printf(
        Locale.ROOT,
        "%s %,d events of %,d customers (seed %d, %s..%s) %s in %.1f s%n",
        destination.verb(),
        settings.events(),
        settings.customers(),
        settings.seed(),
        settings.start(),
        settings.end(),
        destination.describe(config),
        seconds);
  }
}
