package dev.concierge.offline.training;

import static dev.concierge.offline.training.SyntheticClicks.SCHEMA;
import static dev.concierge.offline.training.TrainedModels.logit;
import static dev.concierge.offline.training.TrainedModels.tribuoScores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A logistic regression compiled by {@code ScorerCompiler} scores, and explains, as Tribuo's own model does.
 *
 * <p>Here, not in models, though it tests models' {@code ScorerCompiler}: its models are trained by {@link
 * ModelTrainer}, which is offline code, and models cannot depend on offline.
 */
class CompiledLogisticRegressionTest {

  private static final int RANDOM_ROWS = 10_000;
  private static final int CONTRIBUTION_ROWS = 200;
  private static final long ROWS_SEED = 7L;
  /** Double arithmetic in another order than Tribuo's: equal up to rounding. */
  private static final double ROUNDING = 1e-9;

  private final Model<Label> model = TrainedModels.logisticRegression();
  private final Scorer scorer = ScorerCompiler.compile(model, SCHEMA);

  @Test
  void scoresTenThousandRandomRowsLikeTribuoWithinOneMillionth() {
    double[][] rows = SyntheticClicks.randomRows(RANDOM_ROWS, ROWS_SEED);
    double[] expected = tribuoScores(model, rows);
    double worst = 0;
    for (int i = 0; i < rows.length; i++) {
      worst = Math.max(worst, Math.abs(scorer.score(rows[i]) - expected[i]));
    }
    assertTrue(worst < ScorerCompiler.TOLERANCE, "largest difference from Tribuo: " + worst);
  }

  @Test
  void theModelHasLearnedSomethingToExplain() {
    double[][] rows = SyntheticClicks.randomRows(CONTRIBUTION_ROWS, ROWS_SEED);
    double lowest = 1;
    double highest = 0;
    for (double[] row : rows) {
      lowest = Math.min(lowest, scorer.score(row));
      highest = Math.max(highest, scorer.score(row));
    }
    assertTrue(highest - lowest > 0.5, "scores only span " + lowest + ".." + highest);
  }

  @Test
  void contributionsPlusBaselineAddUpToTribuosLogit() {
    double[][] rows = SyntheticClicks.randomRows(CONTRIBUTION_ROWS, ROWS_SEED);
    double[] expected = tribuoScores(model, rows);
    double[] contributions = new double[SCHEMA.size()];
    for (int i = 0; i < rows.length; i++) {
      scorer.contributions(rows[i], contributions);
      double sum = scorer.baselineLogit();
      for (double contribution : contributions) {
        sum += contribution;
      }
      assertEquals(logit(expected[i]), sum, ROUNDING);
    }
  }

  /** For a linear model, weight times value is exactly what the feature adds to the logit. */
  @Test
  void eachContributionIsTheLogitTribuoLosesWhenThatFeatureIsRemoved() {
    double[] row = SyntheticClicks.randomRows(1, ROWS_SEED)[0];
    double[] contributions = new double[SCHEMA.size()];
    scorer.contributions(row, contributions);
    double fullLogit = logit(tribuoScores(model, new double[][] {row})[0]);
    for (int f = 0; f < row.length; f++) {
      if (row[f] == 0.0) {
        assertEquals(0.0, contributions[f], 0.0, "absent feature " + SCHEMA.names().get(f));
        continue;
      }
      double[] without = row.clone();
      without[f] = 0.0;
      double withoutLogit = logit(tribuoScores(model, new double[][] {without})[0]);
      assertEquals(fullLogit - withoutLogit, contributions[f], ROUNDING, SCHEMA.names().get(f));
    }
  }

  @Test
  void aFeatureTheModelNeverSawContributesNothing() {
    assertEquals(0.0, SyntheticClicks.unseenFeatureContribution(scorer, ROWS_SEED));
  }

  @Test
  void scoringARowAllocatesNothing() {
    double[] row = SyntheticClicks.randomRows(1, ROWS_SEED)[0];
    Allocations.assertScoringAllocatesNothing(scorer, row);
  }

  @Test
  void aRowOfTheWrongLengthIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> scorer.score(new double[SCHEMA.size() - 1]));
    assertTrue(e.getMessage().contains("has " + SCHEMA.size() + " values"), e.getMessage());
  }
}
