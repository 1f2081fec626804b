package dev.concierge.models.scoring;

import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A compiled logistic regression. Tribuo keeps one weight row per label (over Tribuo feature ids, with the
 * bias in the last column) and softmaxes the two label scores; with two labels that softmax is
 * {@code sigmoid(positiveScore - negativeScore)}, so one row of weight differences, in schema order, gives
 * the same probability with half the work, and its terms are exactly the logit contributions.
 */
final class LinearScorer implements Scorer {

  private final FeatureSchema schema;
  private final double[] logitWeights;
  private final double logitBias;

  private LinearScorer(FeatureSchema schema, double[] logitWeights, double logitBias) {
    this.schema = schema;
    this.logitWeights = logitWeights;
    this.logitBias = logitBias;
  }

  static LinearScorer compile(LinearSGDModel model, ModelDomain domain, FeatureSchema schema) {
    // without a softmax there is no P(positive): the hinge loss trains such a model
    if (!model.generatesProbabilities()) {
      throw new ModelCompilationException(
          "the linear model was trained with a loss that gives no probabilities; train it with LogMulticlass");
    }
    DenseMatrix weights = model.getWeightsCopy();
    int biasColumn = weights.getDimension2Size() - 1;
    int positive = domain.positiveLabelId();
    int negative = domain.negativeLabelId();
    // schema features the model never saw keep weight 0, as Tribuo ignores them
    double[] logitWeights = new double[schema.size()];
    for (int featureId = 0; featureId < domain.featureCount(); featureId++) {
      logitWeights[domain.schemaIndex(featureId)] = weights.get(positive, featureId) - weights.get(negative, featureId);
    }
    double logitBias = weights.get(positive, biasColumn) - weights.get(negative, biasColumn);
    return new LinearScorer(schema, logitWeights, logitBias);
  }

  @Override
  public FeatureSchema schema() {
    return schema;
  }

  @Override
  public double score(double[] row) {
    Rows.requireSize(row, schema);
    double logit = logitBias;
    for (int i = 0; i < logitWeights.length; i++) {
      logit += logitWeights[i] * row[i];
    }
    return 1.0 / (1.0 + Math.exp(-logit));
  }

  /** Exactly {@code weight_i * x_i}, where weight_i is the positive label's weight minus the negative's. */
  @Override
  public void contributions(double[] row, double[] out) {
    Rows.requireSize(row, schema);
    Rows.requireSize(out, schema);
    for (int i = 0; i < logitWeights.length; i++) {
      out[i] = logitWeights[i] * row[i];
    }
  }

  @Override
  public double baselineLogit() {
    return logitBias;
  }
}
