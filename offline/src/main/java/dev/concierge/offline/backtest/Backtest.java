package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.TrainingSetBuilder;
import dev.concierge.offline.training.CandidateTablesBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Judges several models in one replay of the history, the way the engine would have served them: the
 * replay runs the live feature function through the train and test windows, and at every click or
 * purchase of the test window asks each model for its top maxK from the shopper's features just
 * before that event; only then is the event applied.
 *
 * <p>No model sees the future: every model must declare that it learnt from data before the split
 * (see {@link BacktestModel#dataUntil()}), and the state it ranks from never holds the event being
 * predicted or any later one.
 */
public final class Backtest {

  private final FeatureSettings features;
  private final BacktestSettings settings;

  /** @param features the feature settings the live actors use */
  public Backtest(FeatureSettings features, BacktestSettings settings) {
    this.features = features;
    this.settings = settings;
  }

  /**
   * @param history events in time order; those before {@code windows.from()} are skipped, the replay
   *     stops at {@code windows.to()}
   * @throws IllegalArgumentException when no model is given, two share a name, or a model learnt from
   *     data at or after the split
   */
  public BacktestResult run(
      Iterable<CustomerEvent> history, Catalog catalog, BacktestWindows windows, List<BacktestModel> models) {
    requireComparable(models, windows);
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    List<Contestant> contestants = new ArrayList<>(models.size());
    for (BacktestModel model : models) {
      contestants.add(new Contestant(model, model.ranker().apply(vocabulary), new RankingMetrics(settings)));
    }
    Judge judge = new Judge(windows, contestants, settings.maxK());
    long started = System.nanoTime();
    long replayed =
        new HistoryReplay(features, vocabulary, catalog).replay(from(windows.from(), history), windows.to(), judge);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    List<ModelMetrics> metrics = new ArrayList<>(contestants.size());
    for (Contestant contestant : contestants) {
      BacktestModel model = contestant.model();
      metrics.add(contestant.metrics().snapshot(model.name(), model.dataUntil(), catalog.size()));
    }
    return new BacktestResult(windows, settings, catalog.size(), replayed, judge.cases, elapsed, metrics);
  }

  /**
   * Candidate tables for the baselines, built from the train window alone.
   *
   * @param history events in time order
   */
  public static CandidateTables trainWindowTables(
      Iterable<CustomerEvent> history, BacktestWindows windows, CandidateTablesBuilder.Settings tableSettings) {
    CandidateTablesBuilder builder = new CandidateTablesBuilder(tableSettings);
    for (CustomerEvent event : from(windows.from(), history)) {
      if (!event.timestamp().isBefore(windows.split())) {
        break;
      }
      builder.add(event);
    }
    return builder.build();
  }

  private static void requireComparable(List<BacktestModel> models, BacktestWindows windows) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no model to backtest");
    }
    Set<String> names = new HashSet<>();
    for (BacktestModel model : models) {
      if (!names.add(model.name())) {
        throw new IllegalArgumentException("two models are named " + model.name() + "; give each a distinct name");
      }
      if (model.dataUntil().isAfter(windows.split())) {
        throw new IllegalArgumentException(
            "model " + model.name() + " learnt from events until " + model.dataUntil() + ", after the split "
                + windows.split() + ": it would be judged on events it has seen; train it on data before the split");
      }
    }
  }

  /** The history from {@code from} on, read lazily. */
  private static Iterable<CustomerEvent> from(Instant from, Iterable<CustomerEvent> history) {
    return () -> StreamSupport.stream(history.spliterator(), false)
        .filter(event -> !event.timestamp().isBefore(from))
        .iterator();
  }

  private record Contestant(BacktestModel model, Ranker ranker, RankingMetrics metrics) {}

  /** Sees each event before the replay applies it, and has every model rank the test window's labels. */
  private static final class Judge implements HistoryReplay.Observer {
    private final BacktestWindows windows;
    private final List<Contestant> contestants;
    private final int maxK;
    private long cases;

    Judge(BacktestWindows windows, List<Contestant> contestants, int maxK) {
      this.windows = windows;
      this.contestants = contestants;
      this.maxK = maxK;
    }

    @Override
    public void beforeApply(CustomerEvent event, FeatureState state) {
      if (!TrainingSetBuilder.isLabel(event) || !windows.inTest(event.timestamp())) {
        return;
      }
      cases++;
      long now = EventTime.millisOf(event.timestamp());
      for (Contestant contestant : contestants) {
        long started = System.nanoTime();
        List<String> ranked = contestant.ranker().rank(event.customerId(), state, now, maxK);
        long latency = System.nanoTime() - started;
        contestant.metrics().record(event.timestamp(), ranked, event.itemId(), latency);
      }
    }
  }
}
