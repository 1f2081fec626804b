package dev.concierge.benchmarks;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.offline.training.TrainingSetBuilder;
import dev.concierge.models.scoring.ModelBytes;
import dev.concierge.offline.training.ModelTrainer;
import dev.concierge.models.scoring.Scorer;
import dev.concierge.offline.training.TrainingSet;
import dev.concierge.models.scoring.TribuoExamples;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.offline.training.BundleTrainer;
import dev.concierge.offline.training.RecommenderFixtures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * One decision's scoring work: 200 candidate rows of the recommender's 15 features, scored by Tribuo (a
 * batch call, and one call per candidate) and by the compiled scorer, for each model kind.
 *
 * <p>Setup runs the production pipeline: it simulates a storefront history over the demo catalog, trains a
 * bundle on it with {@link BundleTrainer}, and loads the bundle's model the way a node does
 * ({@link ServingModel#load}). The rows are real candidates: {@link TrainingSetBuilder} replays the same
 * history through the serving feature code, against the bundle's own candidate tables, and each row is a
 * clicked or bought item or one of the candidates the recommender generated at that moment. Everything runs
 * on one thread; Tribuo's examples are built once in setup, so only prediction is timed.
 */
@State(Scope.Benchmark)
public class ScorerBenchmark extends BenchmarkBase {

  private static final int CANDIDATES = 200;
  private static final int CATALOG_SIZE = 1_000;
  private static final long CATALOG_SEED = 42L;
  private static final int CUSTOMERS = 300;
  private static final long EVENTS = 30_000L;
  private static final long HISTORY_SEED = 11L;
  private static final int SINGLE_THREAD = 1;

  // the recommender and training of the recommender tests, from their one owner
  private static final Recommender RECOMMENDER = RecommenderFixtures.RECOMMENDER;
  private static final BundleTrainer.Settings TRAINING = RecommenderFixtures.TRAINING;
  private static final int POPULAR_PER_LIST = RecommenderFixtures.POPULAR_PER_LIST;

  @Param({"LOGISTIC_REGRESSION", "GRADIENT_BOOSTED_TREES"})
  public ModelTrainer modelKind;

  private Model<Label> model;
  private Scorer scorer;
  private double[][] candidates;
  private List<Example<Label>> examples;
  private double[] scores;

  @Setup
  public void trainAndCompile() {
    List<CatalogItem> items = DemoCatalog.generate(CATALOG_SIZE, CATALOG_SEED);
    Catalog catalog = Catalog.of(items);
    List<CustomerEvent> history =
        ShopperSimulation.of(SimulationSettings.of(CUSTOMERS, EVENTS, HISTORY_SEED), items).stream().toList();
    Instant start = history.get(0).timestamp();
    Instant end = history.get(history.size() - 1).timestamp().plusMillis(1);

    ModelBundle bundle =
        new BundleTrainer(RECOMMENDER, TRAINING, Clock.systemUTC())
            .train(history, catalog, end, modelKind, "benchmark");
    model = ModelBytes.fromBytes(bundle.model());
    if (model instanceof XGBoostModel<Label> trees) {
      trees.setNumThreads(SINGLE_THREAD);
    }
    scorer =
        ServingModel.load(bundle, catalog, new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE), POPULAR_PER_LIST)
            .scorer();

    // every click and purchase of the history, each with the candidates sampled beside it, as the served
    // bundle's tables see them; the latest 200 rows are those of the shoppers with the most history
    TrainingSet rows =
        new TrainingSetBuilder(RECOMMENDER, TRAINING.sampling())
            .build(history, catalog, bundle.tables(), start, end, POPULAR_PER_LIST);
    if (rows.size() < CANDIDATES) {
      throw new IllegalStateException("the history gave " + rows.size() + " rows, fewer than " + CANDIDATES);
    }
    candidates = Arrays.copyOfRange(rows.rows(), rows.size() - CANDIDATES, rows.size());
    examples = new ArrayList<>();
    for (double[] row : candidates) {
      examples.add(TribuoExamples.forPrediction(scorer.schema(), row));
    }
    scores = new double[CANDIDATES];
  }

  /** Tribuo's fastest path: one call for the whole batch (for XGBoost, one native call). */
  @Benchmark
  public List<Prediction<Label>> tribuoPredictBatch() {
    return model.predict(examples);
  }

  /** What scoring candidate by candidate through Tribuo would cost. */
  @Benchmark
  public void tribuoPredictEach(Blackhole predictions) {
    for (Example<Label> example : examples) {
      predictions.consume(model.predict(example));
    }
  }

  @Benchmark
  public double[] compiledScore() {
    for (int i = 0; i < candidates.length; i++) {
      scores[i] = scorer.score(candidates[i]);
    }
    return scores;
  }

  public static void main(String[] args) {
    System.exit(command(ScorerBenchmark.class).execute(args));
  }
}
