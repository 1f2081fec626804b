package dev.concierge.models.scoring;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Turns a trained Tribuo classifier into a {@link Scorer} that reads dense rows of a {@link FeatureSchema}
 * and equals Tribuo's P(positive) within {@link #TOLERANCE}, without Tribuo's per-call examples, maps and
 * native calls. Compile once per model version, off the decision path: it reads the model and checks the
 * result against Tribuo on probe rows.
 */
public final class ScorerCompiler {

  /** Largest difference from Tribuo's P(positive) a compiled scorer may have. */
  public static final double TOLERANCE = TribuoAgreement.TOLERANCE;

  private ScorerCompiler() {}

  /**
   * @throws ModelCompilationException if the model is not a probabilistic {@code LinearSGDModel} or an
   *     XGBoost classifier over the labels positive and negative, reads a feature the schema lacks, or
   *     compiles to something that disagrees with Tribuo
   */
  public static Scorer compile(Model<Label> model, FeatureSchema schema) {
    ModelDomain domain = ModelDomain.of(model, schema);
    Scorer scorer;
    if (model instanceof LinearSGDModel linear) {
      scorer = LinearScorer.compile(linear, domain, schema);
    } else if (model instanceof XGBoostModel<Label> trees) {
      scorer = XGBoostTrees.compile(trees, domain, schema);
    } else {
      throw new ModelCompilationException(
          "cannot compile a " + model.getClass().getName() + "; compilable models are "
              + LinearSGDModel.class.getName() + " (logistic) and " + XGBoostModel.class.getName());
    }
    TribuoAgreement.verify(model, scorer);
    return scorer;
  }
}
