package dev.concierge.tools.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.offline.training.UntrainableHistoryException;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.BacktestWindows;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.tools.cli.Converters;
import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.files.AtomicFiles;
import dev.concierge.tools.history.History;
import dev.concierge.tools.history.HistoryOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bin/concierge train}: builds point-in-time training data from a replay of history before
 * {@code --until}, trains the configured Tribuo models and writes one versioned bundle per model.
 */
@Command(
    name = "train",
    description = {
      "Trains bundles on the history before --until, exactly as the engine computes features:",
      "- the later part of the history's time span (concierge.training.label-share) gives the labels: every click or"
          + " purchase of an item its shopper had not touched before (concierge.training.labels) is a positive row,"
          + " computed from the customer's features just before it, if the recommender would have scored that item"
          + " then;",
      "- each positive brings concierge.training.negatives-per-positive negatives, sampled from the other candidates"
          + " at that moment that the shopper had not touched;",
      "- the earlier part builds the neighbour tables those rows read, so no row sees its future;",
      "- each model's hyper-parameters (concierge.training.search) are tried on the earlier labelled moments and"
          + " judged on the latest concierge.training.holdout-share of them, by how high they rank each moment's"
          + " positive; the search is printed, and the chosen ones train the model on all rows, the bundle's tables"
          + " on all of the history.",
      "Without --catalog the items come from the history itself, under the category 'unknown'. A history that cannot"
          + " train (no clicks or purchases, nothing to contrast them with) fails with what it lacks and what to pass.",
      "Writes DIR/<version>.bundle for each model (atomically; an existing file is never replaced) and prints each"
          + " model's metrics. Publish a bundle with bin/concierge admin models publish FILE."
    })
public final class TrainCommand extends Tool {

  private static final double PERCENT = 100;
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Mixin private HistoryOptions history;

  @Option(names = "--until", paramLabel = "ISO", converter = Converters.IsoInstant.class,
      description = "train on the history before this ISO-8601 instant (default: backtest's default split, the time"
          + " before which concierge.backtest.train-share of the events fall, so that backtest judges the bundles on"
          + " the rest)")
  private Instant until;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory the bundles go to")
  private Path directory;

  @Option(names = "--models", paramLabel = "MODEL", split = ",", converter = ModelConverter.class,
      description = "which models (default both): logistic-regression, gradient-boosted-trees")
  private List<ModelTrainer> trainers;

  @Option(names = "--version-prefix", paramLabel = "P", defaultValue = "",
      description = "bundle versions are <prefix><model>-<until as yyyyMMddTHHmm>")
  private String prefix;

  @Override
  protected void run() throws Exception {
    if (until != null && history.from() != null && !history.from().isBefore(until)) {
      throw usageError("--from must be before --until, was " + history.from() + " .. " + until);
    }
    List<ModelTrainer> models = trainers == null ? List.of(ModelTrainer.values()) : trainers;
    PrintStream out = out();
    PrintStream err = err();
    Config config = ConfigFactory.load();
    Config conciergeConfig = config.getConfig("concierge");
    History read = history.read(until, List.of(), config, err);
    Instant trainUntil = until != null ? until : defaultSplit(read.events(), conciergeConfig, err);
    List<Path> targets = new ArrayList<>();
    for (ModelTrainer trainer : models) {
      Path target = directory.resolve(version(prefix, trainer, trainUntil) + BundleArchive.FILE_EXTENSION);
      if (Files.exists(target)) {
        throw usageError(target + " exists already; bundles are immutable, pick another --version-prefix");
      }
      targets.add(target);
    }
    Catalog catalog = history.catalog(read, conciergeConfig, err);
    CustomerSettings settings = CustomerSettings.fromConfig(conciergeConfig);
    BundleTrainer bundles =
        new BundleTrainer(
            new Recommender(settings.recommender(), settings.features()), TrainingSettings.fromConfig(conciergeConfig),
            Clock.systemUTC());
    List<CustomerEvent> events = read.events();
    BundleArchive archives = new BundleArchive(new ObjectMapper());
    for (int i = 0; i < models.size(); i++) {
      ModelTrainer trainer = models.get(i);
      String version = version(prefix, trainer, trainUntil);
      err.println("training " + version + " ...");
      long started = System.nanoTime();
      ModelBundle bundle = trained(bundles, events, catalog, trainer, trainUntil, version, err);
      AtomicFiles.write(targets.get(i), archives.write(bundle));
      out.printf(Locale.ROOT, "%s  %d rows, positive rate %.3f, held-out AUC %.3f, %.1f s  -> %s%n",
          version, bundle.metadata().trainingRows(), bundle.metadata().metrics().get("positive_rate"),
          bundle.metadata().metrics().get("auc"), (System.nanoTime() - started) / 1e9, targets.get(i));
    }
  }

  private ModelBundle trained(
      BundleTrainer bundles, List<CustomerEvent> events, Catalog catalog, ModelTrainer trainer, Instant trainUntil,
      String version, PrintStream log) {
    try {
      return bundles.train(events, catalog, trainUntil, trainer, version, log::println);
    } catch (UntrainableHistoryException e) {
      throw new IllegalArgumentException("cannot train: " + e.getMessage() + ". " + whatToPass(e.missing()), e);
    }
  }

  /** Backtest's default split of these events: its test window is then history the bundles never saw. */
  private Instant defaultSplit(List<CustomerEvent> events, Config concierge, PrintStream err) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("the history has no valid event to train on");
    }
    double trainShare = BacktestSettings.fromConfig(concierge).trainShare();
    Instant split;
    try {
      split = BacktestWindows.defaultSplit(events, trainShare);
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage() + "; pass --until");
    }
    err.printf(Locale.ROOT, "training on the events before %s, backtest's default split (%.0f%% of the %,d events;"
        + " --until overrides)%n", split, trainShare * PERCENT, events.size());
    return split;
  }

  /** What to pass when the history cannot train: the one place that ties what it lacks to this command's options. */
  private static String whatToPass(UntrainableHistoryException.Missing missing) {
    return switch (missing) {
      case EVENTS -> "Pass an --until after the history's first event, or a --from before it.";
      case LABELS -> "The models predict clicks and purchases: bring events of type click or purchase (an import"
          + " of ratings makes purchases of those at or above its threshold), or, where they stop early, pass an"
          + " --until just after the last of them.";
      case CATALOGUED_ITEMS -> "Pass the catalog that lists these items with --catalog, or leave --catalog out to take"
          + " the items from the history.";
      case CANDIDATES, NEGATIVES, FEATURES -> "Bring a longer history, with more shoppers and items before its later part:"
          + " an earlier --from, or more events before the --until.";
    };
  }

  /** Reads a model's name: logistic-regression or gradient-boosted-trees. */
  static final class ModelConverter implements ITypeConverter<ModelTrainer> {
    @Override
    public ModelTrainer convert(String name) {
      for (ModelTrainer trainer : ModelTrainer.values()) {
        if (BundleTrainer.kindOf(trainer).equals(name.trim())) {
          return trainer;
        }
      }
      throw new TypeConversionException(
          "unknown model '" + name + "'; use logistic-regression or gradient-boosted-trees");
    }
  }

  private static String version(String prefix, ModelTrainer trainer, Instant until) {
    return prefix + BundleTrainer.kindOf(trainer) + "-" + VERSION_TIME.format(until);
  }
}
