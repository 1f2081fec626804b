package dev.concierge.offline.training;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.Scorer;
import java.util.SplittableRandom;

/**
 * Shoppers and candidates drawn from a known, nonlinear click rule plus Bernoulli noise. Many features are
 * often exactly zero (counts, flags, no discount), as real features are, so trees meet absent values.
 */
final class SyntheticClicks {

  static final FeatureSchema SCHEMA =
      FeatureSchema.of(
          "synthetic-v1",
          "item_views",
          "category_clicks",
          "category_affinity",
          "price_ratio",
          "hours_since_view",
          "item_popularity",
          "in_cart",
          "bought_in_category",
          "session_depth",
          "discount",
          "hour_of_day_sine",
          "gift_wrap");

  /** Never present in training, so no model knows it; random rows still set it. */
  static final int UNSEEN_FEATURE = SCHEMA.index("gift_wrap");

  static final int TRAINING_ROWS = 5_000;
  static final long TRAINING_SEED = 42L;

  private static final double HOURS_PER_DAY = 24.0;
  private static final double EXTRA_ABSENT_SHARE = 0.15;

  private SyntheticClicks() {}

  static TrainingSet trainingSet() {
    SplittableRandom random = new SplittableRandom(TRAINING_SEED);
    double[][] rows = new double[TRAINING_ROWS][];
    boolean[] positive = new boolean[TRAINING_ROWS];
    for (int i = 0; i < TRAINING_ROWS; i++) {
      rows[i] = candidate(random);
      positive[i] = random.nextDouble() < clickProbability(rows[i]);
    }
    return new TrainingSet(SCHEMA, rows, positive);
  }

  /** What a compiled scorer gives the feature no model saw, on a random row that sets it. */
  static double unseenFeatureContribution(Scorer scorer, long seed) {
    double[] row = randomRows(1, seed)[0];
    row[UNSEEN_FEATURE] = 1.0;
    double[] contributions = new double[SCHEMA.size()];
    scorer.contributions(row, contributions);
    return contributions[UNSEEN_FEATURE];
  }

  /**
   * Candidates like the training ones, with the unseen feature set and more features absent, and never a
   * row without any feature the models know (Tribuo refuses to predict those).
   */
  static double[][] randomRows(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] rows = new double[count][];
    for (int i = 0; i < count; i++) {
      double[] row;
      do {
        row = candidate(random);
        row[UNSEEN_FEATURE] = random.nextGaussian();
        for (int f = 0; f < row.length; f++) {
          if (random.nextDouble() < EXTRA_ABSENT_SHARE) {
            row[f] = 0.0;
          }
        }
      } while (!anyKnownFeaturePresent(row));
      rows[i] = row;
    }
    return rows;
  }

  private static boolean anyKnownFeaturePresent(double[] row) {
    for (int f = 0; f < row.length; f++) {
      if (f != UNSEEN_FEATURE && row[f] != 0.0) {
        return true;
      }
    }
    return false;
  }

  private static double[] candidate(SplittableRandom random) {
    double[] row = new double[SCHEMA.size()];
    row[0] = random.nextDouble() < 0.5 ? 0 : 1 + random.nextInt(12);
    row[1] = random.nextDouble() < 0.4 ? 0 : random.nextInt(30);
    row[2] = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
    row[3] = Math.exp(0.4 * random.nextGaussian());
    row[4] = random.nextDouble() < 0.2 ? 0 : -Math.log(1 - random.nextDouble()) * HOURS_PER_DAY;
    row[5] = random.nextDouble();
    row[6] = random.nextDouble() < 0.1 ? 1 : 0;
    row[7] = random.nextDouble() < 0.2 ? 1 : 0;
    row[8] = random.nextInt(21);
    row[9] = random.nextDouble() < 0.7 ? 0 : 0.05 + 0.45 * random.nextDouble();
    row[10] = Math.sin(2 * Math.PI * random.nextInt(24) / HOURS_PER_DAY);
    return row;
  }

  /** The rule the models have to find: interactions, thresholds and a bump no line can draw. */
  private static double clickProbability(double[] row) {
    double logit =
        -2.0
            + 0.7 * Math.log1p(row[0])
            + 0.5 * Math.log1p(row[1])
            + 2.0 * row[2] * (1 - row[7])
            - 1.5 * (row[3] - 1) * (row[3] - 1)
            + (row[4] > 0 && row[4] < 6 ? 1.0 : -0.3)
            + 1.2 * row[5]
            + 2.5 * row[6]
            + (row[8] > 5 && row[8] < 12 ? 0.6 : 0)
            + 3.0 * row[9] * row[2]
            + 0.4 * row[10];
    return 1 / (1 + Math.exp(-logit));
  }
}
