package dev.concierge.tools.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.scoring.ModelTrainer;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import dev.concierge.persistence.bundle.BundleArchive;
import dev.concierge.tools.AtomicFiles;
import dev.concierge.tools.Options;
import dev.concierge.tools.ToolMain;
import dev.concierge.tools.UsageException;
import dev.concierge.tools.history.CatalogSpec;
import dev.concierge.tools.history.History;
import dev.concierge.tools.history.SourceSpec;
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
import java.util.Set;

/**
 * {@code bin/concierge train}: builds point-in-time training data from a replay of history before
 * {@code --until}, trains the configured Tribuo models and writes one versioned bundle per model.
 */
public final class TrainCommand {

  static final String USAGE =
      """
      Usage: bin/concierge train --source file:PATH|journal|kafka --until ISO --out DIR
                                 [--from ISO] [--models logistic-regression,gradient-boosted-trees]
                                 [--version-prefix P] [--catalog demo|kafka|file:PATH]

      Trains bundles on the history before --until, exactly as the engine computes features:
        - the later part of the history (concierge.training.label-share) gives the labels: every
          click or purchase is a positive row, computed from the customer's features just before it;
        - each positive brings concierge.training.negatives-per-positive negatives, sampled from the
          candidates the recommender would have scored at that moment;
        - the earlier part builds the neighbour tables those rows read, so no row sees its future;
        - the latest concierge.training.holdout-share of the rows is held out to measure AUC, then
          the model is trained on all rows, and the bundle's tables on all of the history.
      Writes DIR/<version>.bundle for each model (atomically; an existing file is never replaced)
      and prints each model's metrics. Publish a bundle with POST /admin/models.

        --models          which models (default both): logistic-regression, gradient-boosted-trees
        --version-prefix  bundle versions are <prefix><model>-<until as yyyyMMddTHHmm>
      The other options are those of bin/concierge replay.
      """;

  private static final Set<String> VALUED =
      Set.of("--source", "--from", "--until", "--out", "--models", "--version-prefix", "--catalog");
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TrainCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return ToolMain.run(USAGE, args, out, err, () -> train(Options.parse(args, VALUED, Set.of()), out, err));
  }

  private static void train(Options options, PrintStream out, PrintStream err) throws Exception {
    SourceSpec source = SourceSpec.parse(options.required("--source"));
    Instant until = options.instant("--until").orElseThrow(() -> new UsageException("missing --until"));
    Instant from = options.instant("--from").orElse(null);
    if (from != null && !from.isBefore(until)) {
      throw new UsageException("--from must be before --until, was " + from + " .. " + until);
    }
    Path directory = Path.of(options.required("--out"));
    List<ModelTrainer> trainers = trainers(options.value("--models").orElse(null));
    String prefix = options.value("--version-prefix").orElse("");
    CatalogSpec catalogSpec = CatalogSpec.parse(options.value("--catalog").orElse("demo"));
    List<Path> targets = new ArrayList<>();
    for (ModelTrainer trainer : trainers) {
      Path target = directory.resolve(version(prefix, trainer, until) + BundleArchive.FILE_EXTENSION);
      if (Files.exists(target)) {
        throw new UsageException(target + " exists already; bundles are immutable, pick another --version-prefix");
      }
      targets.add(target);
    }

    Config config = ConfigFactory.load();
    Config concierge = config.getConfig("concierge");
    History history = History.read(source, new TimeRange(from, until), List.of(), config, err);
    err.println(history.description() + ": " + history.report().describe());
    Catalog catalog = catalogSpec.load(concierge);
    CustomerSettings settings = CustomerSettings.fromConfig(concierge);
    BundleTrainer bundles =
        new BundleTrainer(
            new Recommender(settings.recommender(), settings.features()), TrainingSettings.fromConfig(concierge),
            Clock.systemUTC());
    List<CustomerEvent> events = history.events();
    BundleArchive archives = new BundleArchive(new ObjectMapper());
    for (int i = 0; i < trainers.size(); i++) {
      ModelTrainer trainer = trainers.get(i);
      String version = version(prefix, trainer, until);
      err.println("training " + version + " ...");
      long started = System.nanoTime();
      ModelBundle bundle = bundles.train(events, catalog, until, trainer, version);
      AtomicFiles.write(targets.get(i), archives.write(bundle));
      out.printf(Locale.ROOT, "%s  %d rows, positive rate %.3f, held-out AUC %.3f, %.1f s  -> %s%n",
          version, bundle.metadata().trainingRows(), bundle.metadata().metrics().get("positive_rate"),
          bundle.metadata().metrics().get("auc"), (System.nanoTime() - started) / 1e9, targets.get(i));
    }
  }

  private static List<ModelTrainer> trainers(String names) throws UsageException {
    if (names == null) {
      return List.of(ModelTrainer.values());
    }
    List<ModelTrainer> trainers = new ArrayList<>();
    for (String name : names.split(",")) {
      ModelTrainer match = null;
      for (ModelTrainer trainer : ModelTrainer.values()) {
        if (BundleTrainer.kindOf(trainer).equals(name.trim())) {
          match = trainer;
        }
      }
      if (match == null) {
        throw new UsageException("unknown model '" + name + "'; use logistic-regression or gradient-boosted-trees");
      }
      trainers.add(match);
    }
    return trainers;
  }

  private static String version(String prefix, ModelTrainer trainer, Instant until) {
    return prefix + BundleTrainer.kindOf(trainer) + "-" + VERSION_TIME.format(until);
  }
}
