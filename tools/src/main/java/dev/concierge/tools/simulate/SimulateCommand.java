package dev.concierge.tools.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.tools.Converters;
import dev.concierge.tools.Tool;
import dev.concierge.tools.ToolProgress;
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
      "Synthetic shoppers on the demo catalog (the one `bin/concierge dev` loads). Each has favourite categories, a"
          + " price level and an activity rate; they browse in sessions along hidden clusters of related items and go"
          + " down the view, click, add_to_cart, purchase funnel. The same arguments give the same events, in time"
          + " order, with ids sim-<seed>-<n> and customers sim-c-<n>.",
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
      simulation = ShopperSimulation.of(settings, demoCatalog(config));
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
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
