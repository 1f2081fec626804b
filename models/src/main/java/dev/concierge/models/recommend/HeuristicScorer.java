package dev.concierge.models.recommend;

import static dev.concierge.models.recommend.RecommenderFeatures.CATEGORY_AFFINITY;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_BOUGHT_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_OCCURRING_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_VIEWED_WITH_CONTEXT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_VIEWED_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.IN_SESSION_CATEGORY;
import static dev.concierge.models.recommend.RecommenderFeatures.ITEM_POPULARITY;
import static dev.concierge.models.recommend.RecommenderFeatures.PRICE_FIT;
import static dev.concierge.models.recommend.RecommenderFeatures.SAME_CATEGORY_AS_CONTEXT;
import static dev.concierge.models.recommend.RecommenderFeatures.TRENDING;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.Scorer;

/**
 * Hand-set weights over the recommender features, for a node that has no trained bundle yet:
 * popularity, the shopper's category affinity and the item neighbours. A logistic score, so its
 * contributions read like a trained linear model's.
 */
final class HeuristicScorer implements Scorer {

  private static final double BIAS = -3;
  private static final double[] WEIGHTS = new double[RecommenderFeatures.SCHEMA.size()];

  static {
    WEIGHTS[CATEGORY_AFFINITY] = 3.0;
    WEIGHTS[IN_SESSION_CATEGORY] = 1.0;
    WEIGHTS[CO_VIEWED_WITH_RECENT] = 2.0;
    WEIGHTS[CO_BOUGHT_WITH_RECENT] = 2.0;
    WEIGHTS[CO_VIEWED_WITH_CONTEXT] = 2.0;
    WEIGHTS[CO_OCCURRING_WITH_RECENT] = 2.0;
    WEIGHTS[SAME_CATEGORY_AS_CONTEXT] = 0.5;
    WEIGHTS[ITEM_POPULARITY] = 2.0;
    WEIGHTS[TRENDING] = 1.0;
    WEIGHTS[PRICE_FIT] = 0.5;
  }

  @Override
  public FeatureSchema schema() {
    return RecommenderFeatures.SCHEMA;
  }

  @Override
  public double score(double[] row) {
    double logit = BIAS;
    for (int i = 0; i < WEIGHTS.length; i++) {
      logit += WEIGHTS[i] * row[i];
    }
    return 1 / (1 + Math.exp(-logit));
  }

  @Override
  public void contributions(double[] row, double[] out) {
    for (int i = 0; i < WEIGHTS.length; i++) {
      out[i] = WEIGHTS[i] * row[i];
    }
  }

  @Override
  public double baselineLogit() {
    return BIAS;
  }
}
