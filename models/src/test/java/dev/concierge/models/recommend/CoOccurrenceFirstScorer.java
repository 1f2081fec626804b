package dev.concierge.models.recommend;

import static dev.concierge.models.recommend.RecommenderFeatures.CO_OCCURRING_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.ITEM_POPULARITY;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.Scorer;
import java.util.Arrays;

/**
 * A scorer that reads the co-occurrence feature alone: candidates the shopper's items co-occur with, by
 * summed co-occurrence weight, then the rest by popularity. Every co-occurring candidate scores above 1
 * and every other at most 1, so popularity only fills the list; its contributions name the feature that
 * decided, so the reasons can be checked.
 */
final class CoOccurrenceFirstScorer implements Scorer {

  private static final double CO_OCCURRING_FLOOR = 1;

  @Override
  public FeatureSchema schema() {
    return RecommenderFeatures.SCHEMA;
  }

  @Override
  public double score(double[] row) {
    double together = row[CO_OCCURRING_WITH_RECENT];
    return together > 0 ? CO_OCCURRING_FLOOR + together : row[ITEM_POPULARITY];
  }

  @Override
  public void contributions(double[] row, double[] out) {
    Arrays.fill(out, 0);
    if (row[CO_OCCURRING_WITH_RECENT] > 0) {
      out[CO_OCCURRING_WITH_RECENT] = row[CO_OCCURRING_WITH_RECENT];
    } else {
      out[ITEM_POPULARITY] = row[ITEM_POPULARITY];
    }
  }

  @Override
  public double baselineLogit() {
    return 0;
  }
}
