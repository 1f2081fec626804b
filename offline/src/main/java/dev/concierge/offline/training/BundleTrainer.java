package dev.concierge.offline.training;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.BundleMetadata;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.RecommenderFeatures;
import dev.concierge.models.scoring.ModelBytes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Builds a {@link ModelBundle} from recorded history: candidate tables, a point-in-time training set,
 * a Tribuo model, and its quality on held-out rows.
 *
 * <p>The history up to {@code until} is split in time, between its first and its last event: the
 * earlier part builds the tables that the training rows read, the later part provides the labels, so no
 * row sees co-occurrences from its own future. The model's AUC is measured on the latest rows after
 * training on the earlier ones; the shipped model is then trained on all rows, and the shipped tables on
 * all of the history. A history that cannot train (no clicks or purchases, no negatives to sample, ...)
 * is an {@link UntrainableHistoryException} that says what it lacks.
 *
 * <p>The same held-out moments pick the model's hyper-parameters from the {@link HyperparameterGrid}
 * ({@link HyperparameterSearch}); the shipped model is trained on all rows with those chosen.
 */
public final class BundleTrainer {

  /**
   * @param labelShare  the later share of the history whose clicks and purchases become labels
   * @param holdoutShare the latest share of the labelled moments held out to pick hyper-parameters and
   *     measure AUC
   * @param grid         the hyper-parameters tried for each model kind
   */
  public record Settings(
      double labelShare,
      double holdoutShare,
      CandidateTablesBuilder.Settings tables,
      TrainingSetBuilder.Settings sampling,
      int popularPerList,
      HyperparameterGrid grid) {

    public Settings {
      if (labelShare <= 0 || labelShare >= 1 || holdoutShare <= 0 || holdoutShare >= 1) {
        throw new IllegalArgumentException("labelShare and holdoutShare must be in (0, 1)");
      }
    }

    /** Each model kind trained with its defaults, without a search. */
    public Settings(
        double labelShare, double holdoutShare, CandidateTablesBuilder.Settings tables,
        TrainingSetBuilder.Settings sampling, int popularPerList) {
      this(labelShare, holdoutShare, tables, sampling, popularPerList, HyperparameterGrid.defaultsOnly());
    }
  }

  private final Recommender recommender;
  private final Settings settings;
  private final Clock clock;

  public BundleTrainer(Recommender recommender, Settings settings, Clock clock) {
    this.recommender = recommender;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @throws UntrainableHistoryException when the history before {@code until} cannot train a model
   */
  public ModelBundle train(
      Iterable<CustomerEvent> history, Catalog catalog, Instant until, ModelTrainer trainer, String version) {
    return train(history, catalog, until, trainer, version, line -> {});
  }

  /**
   * As {@link #train(Iterable, Catalog, Instant, ModelTrainer, String)}, telling {@code log} how each
   * hyper-parameter candidate ranked the held-out moments and which was chosen.
   */
  public ModelBundle train(
      Iterable<CustomerEvent> history, Catalog catalog, Instant until, ModelTrainer trainer, String version,
      Consumer<String> log) {
    Span span = Span.of(history, until);
    Instant labelsFrom = labelsFrom(span);
    CandidateTables featureTables = tables(history, labelsFrom);
    TrainingSet rows =
        new TrainingSetBuilder(recommender, settings.sampling())
            .build(history, catalog, featureTables, labelsFrom, until, settings.popularPerList());
    HyperparameterSearch.Result search =
        HyperparameterSearch.run(rows, trainer, settings.grid().of(trainer), settings.holdoutShare());
    report(search, rows, log);
    Model<Label> model = trainer.train(rows, search.chosen());
    long positives = countPositives(rows);
    BundleMetadata metadata =
        new BundleMetadata(
            clock.instant(), span.from(), until, span.events(), rows.size(),
            Map.of("auc", search.validationAuc(), "validation_mrr", search.validationMrr(),
                "positive_rate", (double) positives / rows.size()),
            String.format(Locale.ROOT,
                "trainer=%s %s labels-from=%s labels=%s negatives-per-positive=%d seed=%d features=%s",
                trainer.name().toLowerCase(Locale.ROOT), search.chosen(), labelsFrom, settings.sampling().labels(),
                settings.sampling().negativesPerPositive(), settings.sampling().seed(), RecommenderFeatures.VERSION));
    return new ModelBundle(
        version, kindOf(trainer), RecommenderFeatures.SCHEMA, ModelBytes.toBytes(model), tables(history, until),
        metadata);
  }

  private static void report(HyperparameterSearch.Result search, TrainingSet rows, Consumer<String> log) {
    if (search.trials().isEmpty()) {
      log.accept("  too few labelled moments (" + rows.momentCount() + ") to hold some out: trained with "
          + search.chosen());
      return;
    }
    log.accept(String.format(Locale.ROOT,
        "  hyper-parameters, by mean reciprocal rank of the positive on the latest %d of %d labelled moments:",
        search.moments(), rows.momentCount()));
    for (HyperparameterSearch.Trial trial : search.trials()) {
      log.accept(String.format(Locale.ROOT, "    %s  MRR %.4f%s", trial.hyperparameters(), trial.validationMrr(),
          trial.hyperparameters().equals(search.chosen()) ? "  <- chosen" : ""));
    }
  }

  /**
   * The tables the training rows read: neighbours, embeddings and popularity from the history before
   * the labels start, so that no row sees its own future.
   */
  CandidateTables rowTables(Iterable<CustomerEvent> history, Instant until) {
    return tables(history, labelsFrom(Span.of(history, until)));
  }

  /** The share of the history's own time span, so an --until long after the last event leaves labels. */
  private Instant labelsFrom(Span span) {
    return span.from().plus(Duration.between(span.from(), span.last()).multipliedBy(
        Math.round((1 - settings.labelShare()) * 1000)).dividedBy(1000));
  }

  public static String kindOf(ModelTrainer trainer) {
    return trainer.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private CandidateTables tables(Iterable<CustomerEvent> history, Instant until) {
    CandidateTablesBuilder builder = new CandidateTablesBuilder(settings.tables());
    for (CustomerEvent event : history) {
      if (!event.timestamp().isBefore(until)) {
        break;
      }
      builder.add(event);
    }
    return builder.build();
  }

  private static long countPositives(TrainingSet rows) {
    long positives = 0;
    for (boolean positive : rows.positive()) {
      if (positive) {
        positives++;
      }
    }
    return positives;
  }

  /** When the history starts and ends before {@code until}, and how many events it holds then. */
  private record Span(Instant from, Instant last, long events) {
    static Span of(Iterable<CustomerEvent> history, Instant until) {
      Instant from = null;
      Instant last = null;
      long events = 0;
      for (CustomerEvent event : history) {
        if (!event.timestamp().isBefore(until)) {
          break;
        }
        from = from == null ? event.timestamp() : from;
        last = event.timestamp();
        events++;
      }
      if (from == null) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.EVENTS, "the history has no events before " + until);
      }
      return new Span(from, last, events);
    }
  }
}
