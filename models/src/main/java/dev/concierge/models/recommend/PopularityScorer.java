package dev.concierge.models.recommend;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.Scorer;

/** Scores a candidate by its popularity in the history alone: the baseline for backtests. */
final class PopularityScorer implements Scorer {

  @Override
  public FeatureSchema schema() {
    return RecommenderFeatures.SCHEMA;
  }

  @Override
  public double score(double[] row) {
    return row[RecommenderFeatures.ITEM_POPULARITY];
  }

  @Override
  public void contributions(double[] row, double[] out) {
    java.util.Arrays.fill(out, 0);
    out[RecommenderFeatures.ITEM_POPULARITY] = row[RecommenderFeatures.ITEM_POPULARITY];
  }

  @Override
  public double baselineLogit() {
    return 0;
  }
}
