package dev.concierge.tools.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.backtest.AbLog;
import dev.concierge.offline.backtest.Backtest;
import dev.concierge.offline.backtest.BacktestModel;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.BacktestWindows;
import dev.concierge.offline.backtest.LoggedDecision;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.offline.report.BacktestReport;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.tools.AtomicFiles;
import dev.concierge.tools.Options;
import dev.concierge.tools.ToolMain;
import dev.concierge.tools.UsageException;
import dev.concierge.tools.history.CatalogSpec;
import dev.concierge.tools.history.History;
import dev.concierge.tools.history.SourceSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bin/concierge backtest}: replays history split by time and compares bundles and the
 * baselines on every click or purchase of the test window, ranked from the state just before it.
 * Writes {@code report.json} and a self-contained {@code report.html}.
 */
public final class BacktestCommand {

  static final String USAGE =
      """
      Usage: bin/concierge backtest --source file:PATH|journal|kafka --split ISO
                                    --models DIR|FILE.bundle|popularity|recently-viewed,... --out DIR
                                    [--from ISO] [--to ISO] [--catalog demo|kafka|file:PATH]
                                    [--decisions kafka|file:PATH] [--attribution DURATION]

      Splits the history at --split: [from, split) trains, [split, to) tests. For every click or
      purchase in the test window each model ranks its candidates from the customer's features just
      before that event (then the event is applied), and the backtest records HR@K, NDCG@K, MRR,
      catalog coverage and scoring latency. Writes DIR/report.json and DIR/report.html.

        --models       comma-separated: a bundle file, a directory of .bundle files, or the baselines
                       popularity (train-window best sellers) and recently-viewed. A bundle whose data
                       reaches past --split is refused: it has seen the test window.
        --decisions    also reports each A/B arm's click and purchase rates (95% Wilson intervals)
                       from the decisions topic (kafka) or a JSON-lines export of it (file:PATH)
        --attribution  how long after a decision a click or purchase counts for it (default 30m)
      The other options are those of bin/concierge replay.
      """;

  private static final Set<String> VALUED =
      Set.of("--source", "--from", "--to", "--split", "--models", "--out", "--catalog", "--decisions", "--attribution");
  private static final Duration DEFAULT_ATTRIBUTION = Duration.ofMinutes(30);
  private static final String POPULARITY = "popularity";
  private static final String RECENTLY_VIEWED = "recently-viewed";

  private BacktestCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return ToolMain.run(USAGE, args, out, err, () -> backtest(Options.parse(args, VALUED, Set.of()), out, err));
  }

  private static void backtest(Options options, PrintStream out, PrintStream err) throws Exception {
    SourceSpec source = SourceSpec.parse(options.required("--source"));
    Instant split = options.instant("--split").orElseThrow(() -> new UsageException("missing --split"));
    Instant from = options.instant("--from").orElse(null);
    Instant to = options.instant("--to").orElse(null);
    List<String> modelNames = List.of(options.required("--models").split(","));
    Path directory = Path.of(options.required("--out"));
    CatalogSpec catalogSpec = CatalogSpec.parse(options.value("--catalog").orElse("demo"));
    Duration attribution = options.value("--attribution").map(BacktestCommand::duration).orElse(DEFAULT_ATTRIBUTION);

    Config config = ConfigFactory.load();
    Config concierge = config.getConfig("concierge");
    History history = History.read(source, new TimeRange(from, to), List.of(), config, err);
    err.println(history.description() + ": " + history.report().describe());
    List<CustomerEvent> events = history.events();
    BacktestWindows windows = windows(events, from, split, to);
    Catalog catalog = catalogSpec.load(concierge);
    CustomerSettings settings = CustomerSettings.fromConfig(concierge);
    Recommender recommender = new Recommender(settings.recommender(), settings.features());
    int popularPerList = concierge.getInt("recommender.popular-per-list");
    CandidateTables tables = Backtest.trainWindowTables(events, windows, TrainingSettings.fromConfig(concierge).tables());
    List<BacktestModel> models =
        models(modelNames, tables, split, recommender, catalog, popularPerList);

    err.println("backtesting " + models.size() + " models on " + windows + " ...");
    BacktestResult result = new Backtest(settings.features(), BacktestSettings.DEFAULT).run(events, catalog, windows, models);
    BacktestReport report = BacktestReport.of(result);
    if (options.value("--decisions").isPresent()) {
      List<LoggedDecision> decisions = DecisionsReader.read(options.value("--decisions").get(), concierge);
      report = report.withAbTest(AbLog.evaluate(decisions, events, attribution));
    }
    AtomicFiles.write(directory.resolve("report.json"), report.json());
    AtomicFiles.write(directory.resolve("report.html"), report.html());
    result.models().forEach(model -> out.printf(Locale.ROOT, "%-36s HR@10 %.3f  NDCG@10 %.3f  MRR %.3f  coverage %.3f%n",
        model.name(), model.quality().hitRate(10), model.quality().ndcg(10), model.quality().mrr(), model.coverage(10)));
    out.printf(Locale.ROOT, "%d cases, %.0f events/s replayed -> %s%n",
        result.cases(), result.eventsPerSecond(), directory.resolve("report.html"));
  }

  private static BacktestWindows windows(List<CustomerEvent> events, Instant from, Instant split, Instant to)
      throws UsageException {
    Instant first = from != null ? from : events.get(0).timestamp();
    Instant end = to != null ? to : events.get(events.size() - 1).timestamp().plusMillis(1);
    if (!first.isBefore(split) || !split.isBefore(end)) {
      throw new UsageException("--split must fall inside the history, " + first + " .. " + end + ", was " + split);
    }
    return new BacktestWindows(first, split, end);
  }

  private static List<BacktestModel> models(
      List<String> names, CandidateTables tables, Instant split, Recommender recommender, Catalog catalog,
      int popularPerList) throws UsageException, IOException {
    BundleArchive archives = new BundleArchive(new ObjectMapper());
    List<BacktestModel> models = new ArrayList<>();
    for (String name : names) {
      String trimmed = name.trim();
      if (trimmed.equals(POPULARITY)) {
        models.add(BacktestModel.popularity(tables, split, recommender, catalog, popularPerList));
      } else if (trimmed.equals(RECENTLY_VIEWED)) {
        models.add(BacktestModel.recentlyViewed(tables, split, catalog, popularPerList));
      } else {
        for (Path bundle : bundleFiles(Path.of(trimmed))) {
          models.add(BacktestModel.of(archives.read(Files.readAllBytes(bundle)), recommender, catalog, popularPerList));
        }
      }
    }
    return models;
  }

  private static List<Path> bundleFiles(Path path) throws UsageException, IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new UsageException("unknown model '" + path + "': not a bundle file, a directory of bundles, "
          + POPULARITY + " or " + RECENTLY_VIEWED);
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> bundles = files.filter(f -> f.toString().endsWith(BundleArchive.FILE_EXTENSION)).sorted().toList();
      if (bundles.isEmpty()) {
        throw new UsageException("the directory " + path + " holds no " + BundleArchive.FILE_EXTENSION + " files");
      }
      return bundles;
    }
  }

  private static Duration duration(String text) {
    return com.typesafe.config.ConfigFactory.parseString("d = " + text).getDuration("d");
  }
}
