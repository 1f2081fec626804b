package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a training set accepts, and that every set it accepts trains. */
class TrainingSetTest {

  private static final int ZERO_ROWS = 200;

  @ParameterizedTest
  @EnumSource(ModelTrainer.class)
  void rowsWhoseFeaturesAreAllZeroDoNotStopAModelFromTraining(ModelTrainer trainer) {
    TrainingSet synthetic = SyntheticClicks.trainingSet();
    int size = synthetic.size() + ZERO_ROWS;
    double[][] rows = Arrays.copyOf(synthetic.rows(), size);
    boolean[] positive = Arrays.copyOf(synthetic.positive(), size);
    for (int i = synthetic.size(); i < size; i++) {
      rows[i] = new double[SyntheticClicks.SCHEMA.size()];
      positive[i] = i % 2 == 0;
    }

    Scorer scorer = ScorerCompiler.compile(trainer.train(new TrainingSet(SyntheticClicks.SCHEMA, rows, positive)),
        SyntheticClicks.SCHEMA);

    double zeros = scorer.score(new double[SyntheticClicks.SCHEMA.size()]);
    assertTrue(zeros > 0 && zeros < 1, "a row of zeros still scores, through the bias and default branches: " + zeros);
  }

  @Test
  void aSetWhosePositivesAllHaveEveryFeatureZeroIsRefusedAsUnlearnable() {
    double[] informative = new double[SyntheticClicks.SCHEMA.size()];
    informative[0] = 1;
    double[][] rows = {new double[SyntheticClicks.SCHEMA.size()], informative};
    boolean[] positive = {true, false};

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new TrainingSet(SyntheticClicks.SCHEMA, rows, positive));

    assertTrue(refused.getMessage().contains("non-zero feature"), refused.getMessage());
    assertFalse(TrainingSet.isLearnable(rows, positive));
  }

  @Test
  void aFeatureThatIsNotFiniteIsRefusedByName() {
    for (double notFinite : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[][] rows = {new double[SyntheticClicks.SCHEMA.size()], new double[SyntheticClicks.SCHEMA.size()]};
      rows[0][0] = 1;
      rows[1][0] = 1;
      rows[1][SyntheticClicks.SCHEMA.index("discount")] = notFinite;

      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> new TrainingSet(SyntheticClicks.SCHEMA, rows, new boolean[] {true, false}));

      assertTrue(refused.getMessage().contains("discount of row 1"), refused.getMessage());
    }
  }
}
