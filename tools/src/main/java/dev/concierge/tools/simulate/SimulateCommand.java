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
import dev.concierge.tools.ToolProgress;
import dev.concierge.tools.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.KafkaException;

/**
 * {@code bin/concierge simulate}: synthetic shoppers ({@link ShopperSimulation}) over the demo
 * catalog, written as {@code customer-events} JSON lines to a file or produced to Kafka.
 */
public final class SimulateCommand {

  static final String USAGE = """
      Usage: bin/concierge simulate --customers N --events M --seed S (--out FILE.jsonl | --kafka) [options]

      Synthetic shoppers on the demo catalog (the one `bin/concierge dev` loads). Each has favourite
      categories, a price level and an activity rate; they browse in sessions along hidden clusters of
      related items and go down the view, click, add_to_cart, purchase funnel. The same arguments give
      the same events, in time order, with ids sim-<seed>-<n> and customers sim-c-<n>.

        --customers N   shoppers in the population (1 or more)
        --events M      exactly this many events (1 or more)
        --seed S        any integer; the same seed gives the same shoppers and events
        --out FILE      one customer-events JSON object per line into FILE (replaced if it exists)
        --kafka         produce to the customer-events topic, keyed by customerId; Kafka at
                        CONCIERGE_KAFKA_BOOTSTRAP (default 127.0.0.1:9092), topic created if missing
        --rate R        a steady R events per second (default: as fast as possible)
        --start ISO     the simulated period's first instant (default 2026-10-01T00:00:00Z)
        --days D        the simulated period's length in days (default 30)
        --help          this text

      Progress goes to stderr, the summary to stdout. Exit code 0 when done, 1 on failure, 2 for bad arguments.
      """;

  static final int DONE = 0;
  static final int FAILED = 1;
  static final int BAD_ARGUMENTS = 2;

  private static final String TASK = "simulate";
  private static final String UNIT = "events";
  private static final double NANOS_PER_SECOND = 1e9;

  private SimulateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The whole command; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(USAGE);
      return DONE;
    }
    Config config = ConfigFactory.load();
    SimulateArguments arguments;
    ShopperSimulation simulation;
    try {
      arguments = SimulateArguments.parse(args);
      simulation = ShopperSimulation.of(arguments.settings(), demoCatalog(config));
    } catch (UsageException | IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return BAD_ARGUMENTS;
    }
    Destination destination = arguments.destination();
    try {
      long started = System.nanoTime();
      try (EventSink sink = destination.open(config);
          ToolProgress progress = ToolProgress.start(TASK, arguments.settings().events(), UNIT, err)) {
        stream(simulation, sink, EventPacer.of(arguments.rate()), progress);
      }
      printSummary(out, arguments, config, (System.nanoTime() - started) / NANOS_PER_SECOND);
      return DONE;
    } catch (IOException | UncheckedIOException | IllegalStateException | KafkaException e) {
      err.println("simulate: " + destination.failure(e, config));
      return FAILED;
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

  private static void printSummary(PrintStream out, SimulateArguments arguments, Config config, double seconds) {
    SimulationSettings settings = arguments.settings();
    Destination destination = arguments.destination();
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
