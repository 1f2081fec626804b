package dev.concierge.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventTime;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.TrainingSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole decision inside the customer's actor, as {@code CustomerEntity} makes it: candidate
 * generation, features, the compiled scorer, the business rules and the reasons, for the top 10.
 *
 * <p>Setup trains a bundle with the production settings ({@code reference.conf}) on the first 80 % of a
 * simulated month over the demo catalog, loads it as a node does, and replays the whole month through
 * the feature function; each call then decides for the next of the replayed shoppers in turn, as of
 * their last event. Single-threaded, so the time per call is the CPU a decision costs.
 *
 * <p>{@code preRank=off} scores all candidates with the whole model, which is what two-stage scoring
 * saves. {@code tables=session} serves the same bundle without its collaborative tables (co-occurrence,
 * similar items, taste vectors): what they cost, with everything else equal.
 */
@State(Scope.Benchmark)
public class RecommendBenchmark extends BenchmarkBase {

  private static final int CATALOG_SIZE = 2_000;
  private static final long CATALOG_SEED = 42L;
  private static final int CUSTOMERS = 1_000;
  private static final long EVENTS = 50_000L;
  private static final long HISTORY_SEED = 7L;
  private static final double TRAINED_SHARE = 0.8;
  private static final int LIMIT = 10;

  @Param({"GRADIENT_BOOSTED_TREES", "LOGISTIC_REGRESSION"})
  public ModelTrainer modelKind;

  @Param({"all", "session"})
  public String tables;

  /** {@code on}: two-stage scoring as configured (tree models only); {@code off}: every candidate scored fully. */
  @Param({"on", "off"})
  public String preRank;

  private Recommender recommender;
  private ServingModel model;
  private Vocabulary vocabulary;
  private Catalog catalog;
  private FeatureState[] shoppers;
  private DecisionQuery[] queries;
  private long now;
  private int next;

  @Setup
  public void trainAndReplay() {
    Config concierge = ConfigFactory.load().getConfig("concierge");
    CustomerSettings settings = CustomerSettings.fromConfig(concierge);
    Recommender.Settings configured = settings.recommender();
    recommender = new Recommender(preRank.equals("on") ? configured : withoutPreRank(configured), settings.features());
    int popularPerList = concierge.getInt("recommender.popular-per-list");
    SimulatedHistory simulated =
        SimulatedHistory.generate(CATALOG_SIZE, CATALOG_SEED, SimulationSettings.of(CUSTOMERS, EVENTS, HISTORY_SEED));
    catalog = simulated.catalog();
    List<CustomerEvent> history = simulated.events().stream().map(EventRecorded::event).toList();
    Instant start = history.get(0).timestamp();
    Instant end = history.get(history.size() - 1).timestamp().plusMillis(1);
    Instant until = start.plusMillis((long) ((end.toEpochMilli() - start.toEpochMilli()) * TRAINED_SHARE));
    ModelBundle bundle =
        new BundleTrainer(recommender, TrainingSettings.fromConfig(concierge), Clock.systemUTC())
            .train(history, catalog, until, modelKind, "benchmark");
    if (tables.equals("session")) {
      CandidateTables all = bundle.tables();
      bundle = new ModelBundle(bundle.version(), bundle.kind(), bundle.schema(), bundle.model(),
          new CandidateTables(all.coViewed(), all.coPurchased(), all.popularity()), bundle.metadata());
    }
    vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    model = ServingModel.load(bundle, catalog, vocabulary, popularPerList);
    Map<String, FeatureState> states = new LinkedHashMap<>();
    new HistoryReplay(settings.features(), vocabulary, catalog)
        .replay(history, end, (event, state) -> states.putIfAbsent(event.customerId(), state));
    shoppers = states.values().toArray(new FeatureState[0]);
    queries = states.keySet().stream()
        .map(customer -> new DecisionQuery(customer, LIMIT, null, List.of(), Set.of()))
        .toArray(DecisionQuery[]::new);
    now = EventTime.millisOf(end);
  }

  private static Recommender.Settings withoutPreRank(Recommender.Settings s) {
    return new Recommender.Settings(s.candidatePool(), s.popularPerCategory(), s.favouriteCategories(),
        s.popularOverall(), s.trending(), s.reasonsPerItem(), s.collaborative());
  }

  @Benchmark
  public List<RankedItem> decide() {
    int shopper = next;
    next = (next + 1) % shoppers.length;
    return recommender.recommend(
        model, shoppers[shopper], vocabulary, catalog, null, queries[shopper], BusinessRules.DEFAULT, now);
  }

  public static void main(String[] args) {
    System.exit(command(RecommendBenchmark.class).execute(args));
  }
}
