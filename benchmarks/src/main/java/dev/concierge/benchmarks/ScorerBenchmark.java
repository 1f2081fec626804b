package dev.concierge.benchmarks;

import dev.concierge.models.scoring.ModelTrainer;
import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import dev.concierge.models.scoring.TribuoExamples;
import java.util.ArrayList;
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
 * One decision's scoring work: 200 candidates for one shopper, scored by Tribuo (a batch call, and one call
 * per candidate) and by the compiled scorer, for each model kind. Everything runs on one thread; Tribuo's
 * examples are built once in setup, so only prediction is timed.
 */
@State(Scope.Benchmark)
public class ScorerBenchmark extends BenchmarkBase {

  private static final int CANDIDATES = 200;
  private static final int TRAINING_ROWS = 5_000;
  private static final long TRAINING_SEED = 1L;
  private static final long CANDIDATE_SEED = 2L;
  private static final int SINGLE_THREAD = 1;

  @Param({"LOGISTIC_REGRESSION", "GRADIENT_BOOSTED_TREES"})
  public ModelTrainer modelKind;

  private Model<Label> model;
  private Scorer scorer;
  private double[][] candidates;
  private List<Example<Label>> examples;
  private double[] scores;

  @Setup
  public void trainAndCompile() {
    model = modelKind.train(new SyntheticCandidates(TRAINING_SEED).trainingSet(TRAINING_ROWS));
    if (model instanceof XGBoostModel<Label> trees) {
      trees.setNumThreads(SINGLE_THREAD);
    }
    scorer = ScorerCompiler.compile(model, SyntheticCandidates.SCHEMA);
    candidates = new SyntheticCandidates(CANDIDATE_SEED).rows(CANDIDATES);
    examples = new ArrayList<>();
    for (double[] row : candidates) {
      examples.add(TribuoExamples.forPrediction(SyntheticCandidates.SCHEMA, row));
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

  public static void main(String[] args) throws Exception {
    run(ScorerBenchmark.class, args);
  }
}
