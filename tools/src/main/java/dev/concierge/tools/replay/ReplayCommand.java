package dev.concierge.tools.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.dto.ResponseBodies;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.history.History;
import dev.concierge.tools.history.HistoryOptions;
import dev.concierge.tools.history.HistoryStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/concierge replay}: rebuilds customers' features from recorded history with the live
 * feature function, and writes them as JSON lines in the shape of {@code GET /v1/customers/{id}/features}.
 */
@Command(
    name = "replay",
    description = {
      "Rebuilds features from history with the same feature function the live customer actors run, and writes one"
          + " JSON line per customer, shaped like GET /v1/customers/{id}/features, in customer-id order.",
      "secondsSinceLastEvent is measured at --to, or at the last event read."
    })
public final class ReplayCommand extends Tool {

  /** Files nothing: replayed journal events carry their own categories unless --catalog is given. */
  private static final Catalog NO_CATALOG = Catalog.of(List.of());

  @Mixin private HistoryOptions history;
  @Mixin private HistoryOptions.End end;

  @Option(names = "--customers", paramLabel = "ID", split = ",",
      description = "only these customers (comma-separated ids)")
  private List<String> customers;

  @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
  private Path out;

  @Override
  protected void run() throws IOException {
    Instant to = end.to();
    if (history.from() != null && to != null && !history.from().isBefore(to)) {
      throw usageError("--from must be before --to, was " + history.from() + " .. " + to);
    }
    PrintStream err = err();
    Config config = ConfigFactory.load();
    Config conciergeConfig = config.getConfig("concierge");
    List<String> only = customers == null ? List.of() : customers.stream().map(String::trim).toList();
    CustomerSettings settings = CustomerSettings.fromConfig(conciergeConfig);
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    long started = System.nanoTime();
    Replayed replayed = history.categoriesRecorded()
        ? foldAsRead(to, only, config, settings, vocabulary, err)
        : foldHeld(to, only, config, settings, vocabulary, err);
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf("read and replayed %d events of %d customers through the feature function in %.2f s (%.0f events/s)%n",
        replayed.events(), replayed.replay().customers().size(), seconds, replayed.events() / Math.max(seconds, 1e-9));

    Instant now = to != null ? to : replayed.lastEvent() != null ? replayed.lastEvent() : Instant.now();
    try (OutputStream target = out != null ? Files.newOutputStream(out) : new NonClosing(out())) {
      write(new TreeMap<>(replayed.replay().customers()), vocabulary, now, target);
    }
  }

  /** What a replay computed: its customers' features, from how many events, up to when. */
  private record Replayed(HistoryReplay replay, long events, Instant lastEvent) {}

  /**
   * The journal's events carry the categories they were recorded under, so no catalog is needed (one given
   * files them under its categories instead) and the history is folded as it is read: only each customer's
   * features are held, never the events.
   */
  private Replayed foldAsRead(
      Instant to, List<String> only, Config config, CustomerSettings settings, Vocabulary vocabulary, PrintStream err) {
    Optional<Catalog> catalog = history.givenCatalog(config.getConfig("concierge"), err);
    HistoryReplay replay = new HistoryReplay(settings.features(), vocabulary, catalog.orElse(NO_CATALOG));
    LastEvent lastEvent = new LastEvent();
    try (HistoryStream read = history.open(to, only, config, err)) {
      long events = catalog.isPresent()
          ? replay.replayRecordedUnderCatalog(read, Instant.MAX, lastEvent)
          : replay.replayRecorded(read, Instant.MAX, lastEvent);
      HistoryOptions.describe(read, err);
      return new Replayed(replay, events, lastEvent.at);
    }
  }

  /** Remembers the time of the last event replayed. */
  private static final class LastEvent implements HistoryReplay.Observer {
    private Instant at;

    @Override
    public void beforeApply(CustomerEvent event, FeatureState state) {
      at = event.timestamp();
    }
  }

  /** File and Kafka events are filed under a catalog's categories, which without --catalog is the history's own. */
  private Replayed foldHeld(
      Instant to, List<String> only, Config config, CustomerSettings settings, Vocabulary vocabulary, PrintStream err) {
    History read = history.read(to, only, config, err);
    Catalog catalog = history.catalog(read, config.getConfig("concierge"), err);
    HistoryReplay replay = new HistoryReplay(settings.features(), vocabulary, catalog);
    read.replayThrough(replay);
    List<EventRecorded> recorded = read.recorded();
    return new Replayed(replay, recorded.size(), recorded.isEmpty() ? null : recorded.get(recorded.size() - 1).event().timestamp());
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
