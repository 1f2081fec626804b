package dev.concierge.offline.training;

import dev.concierge.models.scoring.TribuoExamples;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * Each model kind trained once per test run on {@link SyntheticClicks}, and Tribuo's view of rows: for the
 * tests of the scorer compiler, which live in offline because training does.
 */
final class TrainedModels {

  private TrainedModels() {}

  private static final class LogisticRegression {
    static final Model<Label> MODEL = ModelTrainer.LOGISTIC_REGRESSION.train(SyntheticClicks.trainingSet());
  }

  private static final class GradientBoostedTrees {
    static final Model<Label> MODEL = ModelTrainer.GRADIENT_BOOSTED_TREES.train(SyntheticClicks.trainingSet());
  }

  static Model<Label> logisticRegression() {
    return LogisticRegression.MODEL;
  }

  static Model<Label> gradientBoostedTrees() {
    return GradientBoostedTrees.MODEL;
  }

  /** Tribuo's P(positive) for each row, predicted as one batch. */
  static double[] tribuoScores(Model<Label> model, double[][] rows) {
    List<Example<Label>> examples = new ArrayList<>();
    for (double[] row : rows) {
      examples.add(TribuoExamples.forPrediction(SyntheticClicks.SCHEMA, row));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    double[] scores = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      scores[i] = predictions.get(i).getOutputScores().get(TribuoExamples.POSITIVE).getScore();
    }
    return scores;
  }

  static double logit(double probability) {
    return Math.log(probability / (1 - probability));
  }
}
