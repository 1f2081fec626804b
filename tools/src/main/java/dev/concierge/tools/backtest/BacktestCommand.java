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
import dev.concierge.offline.report.BacktestReport;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.tools.AtomicFiles;
import dev.concierge.tools.Converters;
import dev.concierge.tools.Tool;
import dev.concierge.tools.history.HistoryOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/concierge backtest}: replays history split by time and compares bundles and the
 * baselines on every click or purchase of the test window, ranked from the state just before it.
 * Writes {@code report.json} and a self-contained {@code report.html}.
 */
@Command(
    name = "backtest",
    description = {
      "Splits the history at --split: [from, split) trains, [split, to) tests. For every click or purchase in the"
          + " test window each model ranks its candidates from the customer's features just before that event (then"
          + " the event is applied), and the backtest records HR@K, NDCG@K, MRR, catalog coverage and scoring"
          + " latency. Writes DIR/report.json and DIR/report.html."
    })
public final class BacktestCommand extends Tool {


  @Mixin private HistoryOptions history;
  @Mixin private HistoryOptions.End end;

  @Option(names = "--split", required = true, paramLabel = "ISO", converter = Converters.IsoInstant.class,
      description = "where the training window ends and the test window begins")
  private Instant split;

  @Option(names = "--models", required = true, split = ",",
      paramLabel = "DIR|FILE.bundle|popularity|recently-viewed|item-knn",
      description = "comma-separated: a bundle file, a directory of .bundle files, or the baselines popularity"
          + " (train-window best sellers), recently-viewed and item-knn (the train window's co-occurrence"
          + " neighbours of the shopper's items, by summed weight, then best sellers). A bundle whose data reaches"
          + " past --split is refused: it has seen the test window.")
  private List<String> modelNames;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory the reports go to")
  private Path directory;

  @Option(names = "--decisions", paramLabel = "kafka|file:PATH", converter = DecisionsReader.SourceConverter.class,
      description = "also reports each A/B arm's click and purchase rates (95%% Wilson intervals) from the decisions"
          + " topic (kafka) or a JSON-lines export of it (file:PATH)")
  private DecisionsReader.Source decisions;

  @Option(names = "--attribution", paramLabel = "DURATION", defaultValue = "30m",
      converter = Converters.HoconDuration.class,
      description = "how long after a decision a click or purchase counts for it (default ${DEFAULT-VALUE})")
  private Duration attribution;

  @Override
  protected void run() throws Exception {
    PrintStream out = out();
    PrintStream err = err();
    Config config = ConfigFactory.load();
    Config conciergeConfig = config.getConfig("concierge");
    List<CustomerEvent> events = history.read(end.to(), List.of(), config, err).events();
    BacktestWindows windows = windows(events, history.from(), split, end.to());
    Catalog catalog = history.catalog().load(conciergeConfig);
    CustomerSettings settings = CustomerSettings.fromConfig(conciergeConfig);
    Recommender recommender = new Recommender(settings.recommender(), settings.features());
    int popularPerList = conciergeConfig.getInt("recommender.popular-per-list");
    CandidateTables tables =
        Backtest.trainWindowTables(events, windows, TrainingSettings.fromConfig(conciergeConfig).tables());
    List<BacktestModel> models = models(tables, recommender, catalog, popularPerList);

    err.println("backtesting " + models.size() + " models on " + windows + " ...");
    BacktestResult result = new Backtest(settings.features(), BacktestSettings.DEFAULT).run(events, catalog, windows, models);
    BacktestReport report = BacktestReport.of(result);
    if (decisions != null) {
      List<LoggedDecision> logged = DecisionsReader.read(decisions, conciergeConfig);
      report = report.withAbTest(AbLog.evaluate(logged, events, attribution));
    }
    AtomicFiles.write(directory.resolve("report.json"), report.json());
    AtomicFiles.write(directory.resolve("report.html"), report.html());
    result.models().forEach(model -> out.printf(Locale.ROOT, "%-36s HR@10 %.3f  NDCG@10 %.3f  MRR %.3f  coverage %.3f%n",
        model.name(), model.quality().hitRate(10), model.quality().ndcg(10), model.quality().mrr(), model.coverage(10)));
    out.printf(Locale.ROOT, "%d cases, %.0f events/s replayed -> %s%n",
        result.cases(), result.eventsPerSecond(), directory.resolve("report.html"));
  }

  private BacktestWindows windows(List<CustomerEvent> events, Instant from, Instant split, Instant to) {
    Instant first = from != null ? from : events.get(0).timestamp();
    Instant last = to != null ? to : events.get(events.size() - 1).timestamp().plusMillis(1);
    if (!first.isBefore(split) || !split.isBefore(last)) {
      throw usageError("--split must fall inside the history, " + first + " .. " + last + ", was " + split);
    }
    return new BacktestWindows(first, split, last);
  }

  private List<BacktestModel> models(CandidateTables tables, Recommender recommender, Catalog catalog, int popularPerList)
      throws IOException {
    BundleArchive archives = new BundleArchive(new ObjectMapper());
    List<BacktestModel> models = new ArrayList<>();
    for (String name : modelNames) {
      String trimmed = name.trim();
      if (trimmed.equals(BacktestModel.POPULARITY)) {
        models.add(BacktestModel.popularity(tables, split, recommender, catalog, popularPerList));
      } else if (trimmed.equals(BacktestModel.RECENTLY_VIEWED)) {
        models.add(BacktestModel.recentlyViewed(tables, split, catalog, popularPerList));
      } else if (trimmed.equals(BacktestModel.ITEM_KNN)) {
        models.add(BacktestModel.itemKnn(tables, split, recommender, catalog, popularPerList));
      } else {
        for (Path bundle : bundleFiles(Path.of(trimmed))) {
          models.add(BacktestModel.of(archives.read(Files.readAllBytes(bundle)), recommender, catalog, popularPerList));
        }
      }
    }
    return models;
  }

  private List<Path> bundleFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw usageError("unknown model '" + path + "': not a bundle file, a directory of bundles, " + BacktestModel.POPULARITY
          + ", " + BacktestModel.RECENTLY_VIEWED + " or " + BacktestModel.ITEM_KNN);
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> bundles = files.filter(f -> f.toString().endsWith(BundleArchive.FILE_EXTENSION)).sorted().toList();
      if (bundles.isEmpty()) {
        throw usageError("the directory " + path + " holds no " + BundleArchive.FILE_EXTENSION + " files");
      }
      return bundles;
    }
  }
}
