package dev.concierge.tools.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.backtest.AbLog;
import dev.concierge.offline.backtest.Backtest;
import dev.concierge.offline.backtest.BacktestModel;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.BacktestWindows;
import dev.concierge.offline.backtest.Baseline;
import dev.concierge.offline.backtest.BaselineInputs;
import dev.concierge.offline.backtest.JudgedCases;
import dev.concierge.offline.backtest.LoggedDecision;
import dev.concierge.offline.report.BacktestReport;
import dev.concierge.offline.simulation.LatentTastes;
import dev.concierge.offline.simulation.LatentTastesFile;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.tools.cli.Converters;
import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.files.AtomicFiles;
import dev.concierge.tools.history.History;
import dev.concierge.tools.history.HistoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/concierge backtest}: replays history split by time and compares bundles and the
 * baselines on the test window's cases, each ranked from the state just before it; prints a summary
 * with intervals and lifts, and writes {@code report.json} and a self-contained {@code report.html}.
 */
@Command(
    name = "backtest",
    description = {
      "Splits the history at --split (default: the time before which 80%% of the events fall,"
          + " concierge.backtest.train-share): [from, split) trains, [split, to) tests.",
      "The cases are the test window's purchases (--clicks: and clicks) of items the shopper had not touched"
          + " before; repeats are counted and skipped (--repeats judges them). Each model ranks from the shopper's"
          + " features just before the case, and its list leaves out every item the shopper had touched. Baselines"
          + " rank the whole in-stock catalog; bundles are judged as served, on their own candidates.",
      "Prints HR@10 with a 95%% bootstrap interval and each model's lift over each baseline with a paired 95%%"
          + " interval (concierge.backtest.bootstrap), and writes DIR/report.json and DIR/report.html."
    })
public final class BacktestCommand extends Tool {

  private static final double PERCENT = 100;

  @Mixin private HistoryOptions history;
  @Mixin private HistoryOptions.End end;

  @Option(names = "--split", paramLabel = "ISO", converter = Converters.IsoInstant.class,
      description = "where the training window ends and the test window begins (default: the event time before"
          + " which concierge.backtest.train-share of the events fall; the summary says which was used)")
  private Instant split;

  @Option(names = "--models", required = true, split = ",", paramLabel = "DIR|FILE.bundle|BASELINE",
      completionCandidates = BaselineNames.class,
      description = "comma-separated: a bundle file, a directory of .bundle files, or a built-in baseline"
          + " (${COMPLETION-CANDIDATES}). A bundle whose data reaches past the split is refused: it has seen the"
          + " test window.")
  private List<String> modelNames;

  @Option(names = "--clicks", description = "judge clicks as well as purchases")
  private boolean clicks;

  @Option(names = "--repeats",
      description = "also judge cases whose item the shopper had touched before, and keep touched items in the"
          + " lists: the protocol for buy-again and recently-viewed recommendations")
  private boolean repeats;

  @Option(names = "--oracle", paramLabel = "TASTES.json",
      description = "also judges the simulator's oracle, named oracle: the catalog ranked by each shopper's latent"
          + " utility from the tastes file `simulate` wrote beside the history (FILE.tastes.json); the upper bound"
          + " for simulated history")
  private Path oracle;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory the reports go to")
  private Path directory;
  @Option(names = "--decisions", paramLabel = "kafka|file:PATH", converter = DecisionsReader.SourceConverter.class,
      description = "also reports each A/B arm's click and purchase rates (95%% Wilson intervals) from the decisions"
          + " topic (kafka) or a JSON-lines export of it (file:PATH)")
  private DecisionsReader.Source decisions;

  @Option(names = "--attribution", paramLabel = "DURATION", defaultValue = "30m",
      converter = Converters.HoconDuration.class,
      description = "how long after a decision a click or purchase without a context.decisionId counts for it"
          + " (default ${DEFAULT-VALUE}); one with a decisionId counts for the decision it names")
  private Duration attribution;

  @Override
  protected void run() throws Exception {
    PrintStream out = out();
    PrintStream err = err();
    Config config = ConfigFactory.load();
    Config conciergeConfig = config.getConfig("concierge");
    BacktestSettings backtestSettings =
        BacktestSettings.fromConfig(conciergeConfig).judging(new JudgedCases(clicks, repeats));
    History read = history.read(end.to(), List.of(), config, err);
    List<CustomerEvent> events = read.events();
    BacktestWindows windows = windows(events, backtestSettings.trainShare());
    out.println(split != null
        ? "split at " + windows.split() + " (--split)"
        : String.format(Locale.ROOT, "split at %s: %.0f%% of the %,d events fall before it (--split overrides;"
            + " train bundles with --until %s)", windows.split(), backtestSettings.trainShare() * PERCENT,
            events.size(), windows.split()));
    Catalog catalog = history.catalog(read, conciergeConfig, err);
    CustomerSettings settings = CustomerSettings.fromConfig(conciergeConfig);
    Recommender recommender = new Recommender(settings.recommender(), settings.features());
    int popularPerList = conciergeConfig.getInt("recommender.popular-per-list");
    BaselineInputs baselineInputs =
        BaselineInputs.of(events, windows, catalog, TrainingSettings.fromConfig(conciergeConfig).tables());
    List<BacktestModel> models = models(baselineInputs, recommender, catalog, popularPerList);
    if (oracle != null) {
      models.add(BacktestModel.oracle(readTastes(oracle, events), windows.from(), catalog));
    }

    err.println("backtesting " + models.size() + " models on " + windows + " ...");
    BacktestResult result = new Backtest(settings.features(), backtestSettings).run(events, catalog, windows, models);
    BacktestReport report = BacktestReport.of(result);
    if (decisions != null) {
      List<LoggedDecision> logged = DecisionsReader.read(decisions, conciergeConfig);
      report = report.withAbTest(AbLog.evaluate(logged, events, attribution));
    }
    AtomicFiles.write(directory.resolve("report.json"), report.json());
    AtomicFiles.write(directory.resolve("report.html"), report.html());
    out.print(report.summary());
    out.printf(Locale.ROOT, "%d cases, %.0f events/s replayed -> %s%n",
        result.cases(), result.eventsPerSecond(), directory.resolve("report.html"));
  }

  private BacktestWindows windows(List<CustomerEvent> events, double trainShare) {
    Instant first = history.from() != null ? history.from() : events.get(0).timestamp();
    Instant last = end.to() != null ? end.to() : events.get(events.size() - 1).timestamp().plusMillis(1);
    if (split == null) {
      try {
        return new BacktestWindows(first, BacktestWindows.defaultSplit(events, trainShare), last);
      } catch (IllegalArgumentException e) {
        throw usageError(e.getMessage() + "; pass --split");
      }
    }
    if (!first.isBefore(split) || !split.isBefore(last)) {
      throw usageError("--split must fall inside the history, " + first + " .. " + last + ", was " + split);
    }
    return new BacktestWindows(first, split, last);
  }

  private List<BacktestModel> models(
      BaselineInputs baselineInputs, Recommender recommender, Catalog catalog, int popularPerList) throws IOException {
    BundleArchive archives = new BundleArchive(new ObjectMapper());
    List<BacktestModel> models = new ArrayList<>();
    for (String name : modelNames) {
      String trimmed = name.trim();
      Optional<Baseline> baseline = Baseline.named(trimmed);
      if (baseline.isPresent()) {
        models.add(baseline.get().model(baselineInputs));
      } else {
        for (Path bundle : bundleFiles(Path.of(trimmed))) {
          models.add(BacktestModel.of(archives.read(Files.readAllBytes(bundle)), recommender, catalog, popularPerList));
        }
      }
    }
    return models;
  }

  /** The tastes in {@code file}, refused unless they hold every shopper of the history. */
  private LatentTastes readTastes(Path file, List<CustomerEvent> events) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw usageError("--oracle: no such file: " + file);
    }
    LatentTastes tastes;
    try (InputStream in = Files.newInputStream(file)) {
      tastes = new LatentTastesFile(new ObjectMapper()).read(in);
    }
    for (CustomerEvent event : events) {
      if (tastes.shopperIndex(event.customerId()) < 0) {
        throw usageError("--oracle: " + file + " holds no tastes of customer " + event.customerId()
            + "; pass the tastes file that simulate wrote beside this history");
      }
    }
    return tastes;
  }

  private List<Path> bundleFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw usageError("unknown model '" + path + "': not a bundle file, a directory of bundles, nor one of the"
          + " baselines " + String.join(", ", Baseline.names()));
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> bundles = files.filter(f -> f.toString().endsWith(BundleArchive.FILE_EXTENSION)).sorted().toList();
      if (bundles.isEmpty()) {
        throw usageError("the directory " + path + " holds no " + BundleArchive.FILE_EXTENSION + " files");
      }
      return bundles;
    }
  }

  /** The baselines, for --models' help. */
  static final class BaselineNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Baseline.names().iterator();
    }
  }
}
