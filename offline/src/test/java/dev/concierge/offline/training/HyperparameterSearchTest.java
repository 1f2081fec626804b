package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.scoring.FeatureSchema;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {

  private static final FeatureSchema SCHEMA = FeatureSchema.of("search-test", "signal", "noise");
  private static final int MOMENTS = 200;
  private static final int ROWS_PER_MOMENT = 5;
  private static final double HOLDOUT_SHARE = 0.2;
  // learns next to nothing: its scores barely differ
  private static final Hyperparameters HARDLY_TRAINED = new Hyperparameters.Linear(1, 1e-9);
  private static final Hyperparameters TRAINED = new Hyperparameters.Linear(10, 1.0);

  @Test
  void choosesTheCandidateThatRanksTheHeldOutMomentsBest() {
    HyperparameterSearch.Result result = HyperparameterSearch.run(
        moments(MOMENTS, false), ModelTrainer.LOGISTIC_REGRESSION, List.of(HARDLY_TRAINED, TRAINED), HOLDOUT_SHARE);

    assertEquals(TRAINED, result.chosen());
    assertEquals(List.of(HARDLY_TRAINED, TRAINED),
        result.trials().stream().map(HyperparameterSearch.Trial::hyperparameters).toList());
    assertTrue(result.validationMrr() > 0.9, "the signal ranks the positive first: " + result);
    assertTrue(result.trials().get(0).validationMrr() < result.validationMrr(), result.toString());
    assertEquals(Math.round(MOMENTS * HOLDOUT_SHARE), result.moments());
    assertTrue(result.validationAuc() > 0.9, result.toString());
  }

  @Test
  void judgesOnTheLatestMomentsNotOnASampleOfAllOfThem() {
    // the signal turns around in the latest moments: a model learnt on the earlier ones ranks them worst
    HyperparameterSearch.Result result = HyperparameterSearch.run(
        moments(MOMENTS, true), ModelTrainer.LOGISTIC_REGRESSION, List.of(TRAINED), HOLDOUT_SHARE);

    assertTrue(result.validationMrr() < 0.3, "the positive is ranked last in the latest moments: " + result);
  }

  @Test
  void tooFewMomentsToHoldSomeOutTrainWithTheFirstCandidate() {
    HyperparameterSearch.Result result = HyperparameterSearch.run(
        moments(2, false), ModelTrainer.LOGISTIC_REGRESSION, List.of(TRAINED, HARDLY_TRAINED), HOLDOUT_SHARE);

    assertEquals(TRAINED, result.chosen());
    assertEquals(List.of(), result.trials());
    assertTrue(Double.isNaN(result.validationMrr()));
  }

  /** One positive per moment, with a higher signal than its moment's negatives (lower if it turns around late). */
  private static TrainingSet moments(int count, boolean turnsAroundLate) {
    SplittableRandom random = new SplittableRandom(3);
    int size = count * ROWS_PER_MOMENT;
    double[][] rows = new double[size][];
    boolean[] positive = new boolean[size];
    int[] moments = new int[size];
    for (int m = 0; m < count; m++) {
      boolean late = turnsAroundLate && m >= count * (1 - HOLDOUT_SHARE);
      for (int r = 0; r < ROWS_PER_MOMENT; r++) {
        int i = m * ROWS_PER_MOMENT + r;
        positive[i] = r == 0;
        double signal = positive[i] != late ? 1 + random.nextDouble() : random.nextDouble();
        rows[i] = new double[] {signal, random.nextDouble()};
        moments[i] = m;
      }
    }
    return new TrainingSet(SCHEMA, rows, positive, moments);
  }
}
