package dev.concierge.tools.history;

import com.typesafe.config.Config;
import dev.concierge.models.Catalog;
import dev.concierge.offline.replay.HistoryCatalog;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.tools.cli.Converters;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of replay, train and backtest that say which history to read and under which catalog. */
public final class HistoryOptions {

  @Option(names = "--source", required = true, paramLabel = "file:PATH|journal|kafka",
      converter = SourceSpec.Converter.class,
      description = {"file:PATH (JSON lines of the customer-events contract), journal (the Cassandra journal:"
          + " categories as recorded, or --catalog's when it is given) or kafka (the customer-events topic)",
          "Kafka and Cassandra addresses come from CONCIERGE_KAFKA_BOOTSTRAP and CONCIERGE_CASSANDRA_CONTACT_POINT"
              + " (bin/concierge sets them from .concierge/services.env)."})
  private SourceSpec source;

  @Option(names = "--from", paramLabel = "ISO", converter = Converters.IsoInstant.class,
      description = "the first event time read, an ISO-8601 instant (default: the history's start)")
  private Instant from;

  @Option(names = "--catalog", paramLabel = "demo|kafka|file:PATH", converter = CatalogSpec.Converter.class,
      description = "the items, and the categories file and Kafka events are filed under: demo (the dev demo"
          + " catalog, which the simulator shops from), kafka (the catalog topic) or file:PATH (JSON lines in its"
          + " shape; category and price may be left out). Default: the items of the history itself, under the"
          + " category the journal recorded or 'unknown', at the latest price their events carry")
  private CatalogSpec catalog;

  public Instant from() {
    return from;
  }

  /** {@code --to}, for the commands that read up to an end of their choosing (train has {@code --until}). */
  public static final class End {
    @Option(names = "--to", paramLabel = "ISO", converter = Converters.IsoInstant.class,
        description = "the end of the event-time range [from, to), an ISO-8601 instant (default: after the last event)")
    private Instant to;

    public Instant to() {
      return to;
    }
  }

  /** The catalog {@code --catalog} names, or without one the items of {@code history}; says on {@code err} which. */
  public Catalog catalog(History history, Config concierge, PrintStream err) {
    return givenCatalog(concierge, err).orElseGet(() -> {
      Catalog items = HistoryCatalog.of(history.recorded());
      err.println("catalog: " + items.size() + " items from the history (no --catalog)");
      return items;
    });
  }

  /** The catalog {@code --catalog} names, if it names one; says on {@code err} which. */
  public Optional<Catalog> givenCatalog(Config concierge, PrintStream err) {
    if (catalog == null) {
      return Optional.empty();
    }
    Catalog items = catalog.load(concierge);
    err.println("catalog: " + items.size() + " items from " + catalog.description());
    return Optional.of(items);
  }

  /**
   * Opens the history up to {@code to} (null: all of it) to be read once as it is iterated; say what
   * was read with {@link #describe} once it is.
   */
  public HistoryStream open(Instant to, List<String> customers, Config config, PrintStream err) {
    return HistoryStream.open(source, new TimeRange(from, to), customers, config, err);
  }

  /** Whether {@code --source} names a source whose events carry their recorded categories (the journal). */
  public boolean categoriesRecorded() {
    return source.categoriesRecorded();
  }

  /** Says on {@code err} what a history stream read. */
  public static void describe(HistoryStream stream, PrintStream err) {
    err.println(stream.description() + ": " + stream.report().describe());
  }

  /** Reads the history up to {@code to} (null: all of it), and says on {@code err} what was read. */
  public History read(Instant to, List<String> customers, Config config, PrintStream err) {
    History history = History.read(source, new TimeRange(from, to), customers, config, err);
    err.println(history.description() + ": " + history.report().describe());
    return history;
  }
}
