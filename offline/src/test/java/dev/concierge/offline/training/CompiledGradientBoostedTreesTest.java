package dev.concierge.offline.training;

import static dev.concierge.offline.training.SyntheticClicks.SCHEMA;
import static dev.concierge.offline.training.TrainedModels.logit;
import static dev.concierge.offline.training.TrainedModels.tribuoScores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * XGBoost trees compiled by {@code ScorerCompiler} score, and explain, as Tribuo's own model does.
 *
 * <p>Here, not in models, though it tests models' {@code ScorerCompiler}: its models are trained by {@link
 * ModelTrainer}, which is offline code, and models cannot depend on offline.
 */
class CompiledGradientBoostedTreesTest {

  private static final int RANDOM_ROWS = 10_000;
  private static final int CONTRIBUTION_ROWS = 500;
  private static final long ROWS_SEED = 11L;
  /** XGBoost's text dump of a split, e.g. {@code [f3<0.583893657]}; read independently of the compiler. */
  private static final Pattern SPLIT = Pattern.compile("\\[f(\\d+)<([^\\]]+)]");
  /**
   * Tribuo's probabilities are float32 and the margins float32 sums, so the logit recovered from a score
   * carries float rounding; away from 0 and 1 it stays well inside this.
   */
  private static final double FLOAT_LOGIT_ROUNDING = 1e-4;
  private static final double MOST_CERTAIN = 0.999;

  private final Model<Label> model = TrainedModels.gradientBoostedTrees();
  private final Scorer scorer = ScorerCompiler.compile(model, SCHEMA);

  @Test
  void scoresTenThousandRandomRowsLikeTribuoWithinOneMillionth() {
    double[][] rows = SyntheticClicks.randomRows(RANDOM_ROWS, ROWS_SEED);
    assertAgreesWithTribuo(rows);
  }

  /**
   * XGBoost compares float32 values, so a double just above a float threshold still goes left or right as
   * the float it rounds to does; this probes every split at, just below and just above its threshold.
   */
  @Test
  void valuesAtAndBesideEverySplitThresholdScoreLikeTribuo() {
    double[] base = SyntheticClicks.randomRows(1, ROWS_SEED)[0];
    List<double[]> rows = new ArrayList<>();
    for (Split split : splits()) {
      float t = split.threshold();
      for (double value :
          new double[] {t, Math.nextDown((double) t), Math.nextUp((double) t), Math.nextDown(t), Math.nextUp(t)}) {
        double[] row = base.clone();
        row[split.schemaIndex()] = value;
        rows.add(row);
      }
    }
    assertFalse(rows.isEmpty());
    assertAgreesWithTribuo(rows.toArray(double[][]::new));
  }

  @Test
  void anAbsentFeatureTakesTheDefaultBranchLikeTribuo() {
    double[][] rows = SyntheticClicks.randomRows(RANDOM_ROWS / 10, ROWS_SEED);
    for (double[] row : rows) {
      row[SCHEMA.index("category_affinity")] = 0.0;
      row[SCHEMA.index("price_ratio")] = 0.0;
    }
    assertAgreesWithTribuo(rows);
  }

  @Test
  void contributionsPlusBaselineAddUpToTheLogit() {
    double[][] rows = SyntheticClicks.randomRows(CONTRIBUTION_ROWS, ROWS_SEED);
    double[] contributions = new double[SCHEMA.size()];
    int checked = 0;
    for (double[] row : rows) {
      double p = scorer.score(row);
      if (p > MOST_CERTAIN || p < 1 - MOST_CERTAIN) {
        continue;
      }
      scorer.contributions(row, contributions);
      double sum = scorer.baselineLogit();
      for (double contribution : contributions) {
        sum += contribution;
      }
      assertEquals(logit(p), sum, FLOAT_LOGIT_ROUNDING);
      checked++;
    }
    assertTrue(checked > CONTRIBUTION_ROWS / 2, "only " + checked + " rows were checked");
  }

  @Test
  void aFeatureTheModelNeverSawContributesNothing() {
    assertEquals(0.0, SyntheticClicks.unseenFeatureContribution(scorer, ROWS_SEED));
  }

  @Test
  void beingInTheCartIsAReasonForTheCandidate() {
    int inCart = SCHEMA.index("in_cart");
    double[] contributions = new double[SCHEMA.size()];
    for (double[] row : SyntheticClicks.randomRows(CONTRIBUTION_ROWS, ROWS_SEED)) {
      row[inCart] = 1.0;
      scorer.contributions(row, contributions);
      assertTrue(contributions[inCart] > 0, "in_cart contributed " + contributions[inCart]);
    }
  }

  @Test
  void scoringARowAllocatesNothing() {
    double[] row = SyntheticClicks.randomRows(1, ROWS_SEED)[0];
    Allocations.assertScoringAllocatesNothing(scorer, row);
  }

  private void assertAgreesWithTribuo(double[][] rows) {
    double[] expected = tribuoScores(model, rows);
    double worst = 0;
    for (int i = 0; i < rows.length; i++) {
      worst = Math.max(worst, Math.abs(scorer.score(rows[i]) - expected[i]));
    }
    assertTrue(worst < ScorerCompiler.TOLERANCE, "largest difference from Tribuo: " + worst);
  }

  private record Split(int schemaIndex, float threshold) {}

  private Set<Split> splits() {
    Set<Split> splits = new LinkedHashSet<>();
    for (String[] dumps : ((XGBoostModel<Label>) model).getModelDump()) {
      for (String tree : dumps) {
        Matcher m = SPLIT.matcher(tree);
        while (m.find()) {
          String name = model.getFeatureIDMap().get(Integer.parseInt(m.group(1))).getName();
          splits.add(new Split(SCHEMA.index(name), Float.parseFloat(m.group(2))));
        }
      }
    }
    return splits;
  }
}
