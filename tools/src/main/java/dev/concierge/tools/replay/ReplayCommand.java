package dev.concierge.tools.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.dto.ResponseBodies;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.tools.Options;
import dev.concierge.tools.ToolMain;
import dev.concierge.tools.UsageException;
import dev.concierge.tools.history.CatalogSpec;
import dev.concierge.tools.history.History;
import dev.concierge.tools.history.SourceSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code bin/concierge replay}: rebuilds customers' features from recorded history with the live
 * feature function, and writes them as JSON lines in the shape of {@code GET /v1/customers/{id}/features}.
 */
public final class ReplayCommand {

  static final String USAGE =
      """
      Usage: bin/concierge replay --source file:PATH|journal|kafka [--from ISO] [--to ISO]
                                  [--customers ID,ID,...] [--catalog demo|kafka|file:PATH] [--out FILE]

      Rebuilds features from history with the same feature function the live customer actors run,
      and writes one JSON line per customer, shaped like GET /v1/customers/{id}/features, in
      customer-id order. secondsSinceLastEvent is measured at --to, or at the last event read.

        --source      file:PATH (JSON lines of the customer-events contract), journal (the Cassandra
                      journal: categories as recorded) or kafka (the customer-events topic)
        --from, --to  the event-time range [from, to), ISO-8601 instants; default: everything
        --customers   only these customers (comma-separated ids)
        --catalog     files file and Kafka events under categories: demo (the dev demo catalog,
                      default; the simulator shops from it), kafka (the catalog topic) or file:PATH
        --out         write here instead of standard output
      Kafka and Cassandra addresses come from CONCIERGE_KAFKA_BOOTSTRAP and
      CONCIERGE_CASSANDRA_CONTACT_POINT (bin/concierge sets them from .concierge/services.env).
      """;

  private static final Set<String> VALUED = Set.of("--source", "--from", "--to", "--customers", "--catalog", "--out");

  private ReplayCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return ToolMain.run(USAGE, args, out, err, () -> replay(Options.parse(args, VALUED, Set.of()), out, err));
  }

  private static void replay(Options options, PrintStream out, PrintStream err) throws UsageException, IOException {
    SourceSpec source = SourceSpec.parse(options.required("--source"));
    TimeRange range = range(options);
    List<String> customers =
        options.value("--customers").map(ids -> Arrays.stream(ids.split(",")).map(String::trim).toList()).orElse(List.of());
    CatalogSpec catalogSpec = CatalogSpec.parse(options.value("--catalog").orElse("demo"));
    Config config = ConfigFactory.load();
    Config concierge = config.getConfig("concierge");

    History history = History.read(source, range, customers, config, err);
    err.println(history.description() + ": " + history.report().describe());
    Catalog catalog = catalogSpec.load(concierge);
    CustomerSettings settings = CustomerSettings.fromConfig(concierge);
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    HistoryReplay replay = new HistoryReplay(settings.features(), vocabulary, catalog);
    long started = System.nanoTime();
    replay.replayRecorded(history.recorded(), Instant.MAX, (event, state) -> { });
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf("replayed %d events of %d customers through the feature function in %.2f s (%.0f events/s)%n",
        history.recorded().size(), replay.customers().size(), seconds, history.recorded().size() / Math.max(seconds, 1e-9));

    Instant now = range.to() != null ? range.to() : lastEventTime(history);
    try (OutputStream target = options.value("--out").isPresent()
            ? Files.newOutputStream(Path.of(options.value("--out").get()))
            : new NonClosing(out)) {
      write(new TreeMap<>(replay.customers()), vocabulary, now, target);
    }
  }

  private static TimeRange range(Options options) throws UsageException {
    Instant from = options.instant("--from").orElse(null);
    Instant to = options.instant("--to").orElse(null);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new UsageException("--from must be before --to, was " + from + " .. " + to);
    }
    return new TimeRange(from, to);
  }

  private static Instant lastEventTime(History history) {
    List<EventRecorded> recorded = history.recorded();
    return recorded.isEmpty() ? Instant.now() : recorded.get(recorded.size() - 1).event().timestamp();
  }

  private static void write(Map<String, FeatureState> customers, Vocabulary vocabulary, Instant now, OutputStream target)
      throws IOException {
    JsonFactory factory = new JsonFactory();
    for (Map.Entry<String, FeatureState> customer : customers.entrySet()) {
      try (JsonGenerator json = factory.createGenerator(new NonClosing(target), JsonEncoding.UTF8)) {
        ResponseBodies.features(json, customer.getKey(), customer.getValue().view(vocabulary), now);
      }
      target.write('\n');
    }
    target.flush();
  }

  /** Standard output stays open after the tool writes to it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
