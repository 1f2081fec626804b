package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.training.CandidateTablesBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Judges several models in one replay of the history: the replay runs the live feature function through
 * the train and test windows, and at every case of the test window (see {@link JudgedCases}) asks each
 * model for its top maxK from the shopper's features just before that event; only then is the event
 * applied. Under the honest protocol every list leaves out the items the shopper touched, and each model
 * is asked for that many more (or leaves them out itself, see {@link Ranker}), so that the list judged
 * still holds maxK items when the model has them.
 *
 * <p>No model sees the future: every model must declare that it learnt from data before the split
 * (see {@link BacktestModel#dataUntil()}), and the state it ranks from never holds the event being
 * predicted or any later one.
 *
 * <p>After the replay, one bootstrap over the cases gives each model's HR@{@value
 * BacktestSettings#HEADLINE_K} an interval, and each model's lift over each baseline a paired one.
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
      contestants.add(new Contestant(
          model, model.ranker().apply(vocabulary), new RankingMetrics(settings.maxK(), settings.bucketWidth())));
    }
    Judge judge = new Judge(windows, contestants, settings);
    long started = System.nanoTime();
    long replayed =
        new HistoryReplay(features, vocabulary, catalog).replay(from(windows.from(), history), windows.to(), judge);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    List<ModelMetrics> metrics = compare(contestants, judge.cases, catalog.size());
    return new BacktestResult(
        windows, settings, catalog.size(), replayed, judge.cases, judge.repeatCases, elapsed, metrics);
  }

  /** Each model's metrics, with the intervals of one bootstrap shared by all of them. */
  private List<ModelMetrics> compare(List<Contestant> contestants, long cases, int catalogSize) {
    List<BitSet> hits = new ArrayList<>(contestants.size());
    contestants.forEach(contestant -> hits.add(contestant.metrics().hitsWithin(BacktestSettings.HEADLINE_K)));
    Bootstrap bootstrap = Bootstrap.of(hits, Math.toIntExact(cases), settings.bootstrap());
    List<ModelMetrics> metrics = new ArrayList<>(contestants.size());
    for (int m = 0; m < contestants.size(); m++) {
      BacktestModel model = contestants.get(m).model();
      List<Lift> lifts = new ArrayList<>();
      for (int b = 0; b < contestants.size(); b++) {
        BacktestModel baseline = contestants.get(b).model();
        if (b != m && baseline.baseline()) {
          lifts.add(new Lift(model.name(), baseline.name(), bootstrap.ratio(m, b)));
        }
      }
      metrics.add(contestants.get(m).metrics()
          .snapshot(model.name(), model.dataUntil(), catalogSize, bootstrap.hitRate(m), lifts));
    }
    return metrics;
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

  /**
   * Sees each event before the replay applies it, keeps what each shopper touched, and has every model
   * rank the test window's cases.
   */
  private static final class Judge implements HistoryReplay.Observer {
    private final BacktestWindows windows;
    private final List<Contestant> contestants;
    private final int maxK;
    private final JudgedCases judged;
    private final TouchedItems touched = new TouchedItems();
    private long cases;
    private long repeatCases;

    Judge(BacktestWindows windows, List<Contestant> contestants, BacktestSettings settings) {
      this.windows = windows;
      this.contestants = contestants;
      this.maxK = settings.maxK();
      this.judged = settings.cases();
    }

    @Override
    public void beforeApply(CustomerEvent event, FeatureState state) {
      String customer = event.customerId();
      if (judged.judges(event.type()) && windows.inTest(event.timestamp())) {
        ExcludedItems known = judged.repeats() ? ExcludedItems.NONE : touched.of(customer);
        if (known.contains(event.itemId())) {
          repeatCases++;
        } else {
          judge(event, state, known);
        }
      }
      if (!judged.repeats()) {
        touched.touch(customer, event.itemId());
      }
    }

    // a merge is no case: the anonymous shopper's touches become the customer's, as its features do
    @Override
    public void merged(CustomerEvent merge, FeatureState state) {
      if (!judged.repeats()) {
        touched.absorb(merge.fromCustomerId(), merge.customerId());
      }
    }

    private void judge(CustomerEvent event, FeatureState state, ExcludedItems excluded) {
      cases++;
      long now = EventTime.millisOf(event.timestamp());
      for (Contestant contestant : contestants) {
        long started = System.nanoTime();
        List<String> ranked = contestant.ranker().rank(event.customerId(), state, now, maxK, excluded);
        long latency = System.nanoTime() - started;
        // the judge's own guarantee, whatever a ranker's override does
        List<String> shown = excluded.leaveOut(ranked, maxK);
        contestant.metrics().record(event.timestamp(), shown, event.itemId(), latency);
      }
    }
  }
}
