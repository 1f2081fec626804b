package dev.concierge.models.scoring;

import java.util.Arrays;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The one conversion from dense rows to Tribuo examples, used for training and for every comparison with
 * Tribuo's own prediction.
 *
 * <p>Zero-valued features are left out. Tribuo's feature model is sparse (an absent feature is zero to a
 * linear model), and XGBoost reads an absent feature as <em>missing</em>, which follows the split's learned
 * default branch rather than comparing 0 with the threshold. Leaving zeros out everywhere means a tree model
 * learns and predicts with one meaning of zero, and the compiled scorers mirror it: zero takes the default
 * branch.
 *
 * <p>So a row whose features are all zero has no feature left, and neither Tribuo nor XGBoost takes an
 * example without one: training (in the offline module) leaves such rows out. They would only have moved the
 * linear model's bias and the trees' default-branch leaves; the compiled scorers still score them, through
 * the bias and the default branches.
 */
public final class TribuoExamples {

  /** Label of a clicked or bought candidate. */
  public static final String POSITIVE = "positive";
  /** Label of a candidate shown and ignored. */
  public static final String NEGATIVE = "negative";

  private static final Label POSITIVE_LABEL = new Label(POSITIVE);
  private static final Label NEGATIVE_LABEL = new Label(NEGATIVE);

  private TribuoExamples() {}

  /** An example to pass to {@code model.predict}. */
  public static Example<Label> forPrediction(FeatureSchema schema, double[] row) {
    return example(LabelFactory.UNKNOWN_LABEL, schema, row);
  }

  /** A training example: {@code positive} or {@code negative}, from a row with at least one non-zero feature. */
  public static Example<Label> labelled(boolean positive, FeatureSchema schema, double[] row) {
    return example(positive ? POSITIVE_LABEL : NEGATIVE_LABEL, schema, row);
  }

  private static Example<Label> example(Label label, FeatureSchema schema, double[] row) {
    String[] names = new String[row.length];
    double[] values = new double[row.length];
    int present = 0;
    for (int i = 0; i < row.length; i++) {
      if (row[i] != 0.0) {
        names[present] = schema.names().get(i);
        values[present] = row[i];
        present++;
      }
    }
    return new ArrayExample<>(label, Arrays.copyOf(names, present), Arrays.copyOf(values, present));
  }
}
