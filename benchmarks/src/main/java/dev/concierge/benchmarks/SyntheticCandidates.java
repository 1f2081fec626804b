package dev.concierge.benchmarks;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.TrainingSet;
import java.util.SplittableRandom;

/**
 * Candidate rows with a learnable click rule, so that the benchmarked models have the size real ones have
 * (weights that matter, trees that reach their full depth). Counts, flags and discounts are often exactly
 * zero, as real features are.
 */
final class SyntheticCandidates {

  static final FeatureSchema SCHEMA =
      FeatureSchema.of(
          "benchmark-v1",
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
          "brand_affinity");

  private static final double HOURS_PER_DAY = 24.0;

  private final SplittableRandom random;

  SyntheticCandidates(long seed) {
    random = new SplittableRandom(seed);
  }

  TrainingSet trainingSet(int size) {
    double[][] rows = rows(size);
    boolean[] positive = new boolean[size];
    for (int i = 0; i < size; i++) {
      positive[i] = random.nextDouble() < clickProbability(rows[i]);
    }
    return new TrainingSet(SCHEMA, rows, positive);
  }

  double[][] rows(int count) {
    double[][] rows = new double[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = row();
    }
    return rows;
  }

  private double[] row() {
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
    row[11] = random.nextDouble() < 0.5 ? 0 : random.nextDouble();
    return row;
  }

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
            + 0.4 * row[10]
            + 0.8 * row[11] * row[5];
    return 1 / (1 + Math.exp(-logit));
  }
}
