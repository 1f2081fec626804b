package dev.concierge.models.scoring;

import java.util.Objects;

/**
 * Dense training rows with their outcomes. The arrays are not copied (training sets are large): do not
 * change them while a model trains.
 *
 * <p>Every value must be finite. A row whose features are all zero is allowed, but no model learns from
 * it ({@link #isFeatureless}): Tribuo holds no example without a feature, so such rows are left out when
 * a model trains. A training set therefore needs positive and negative rows that have a feature each.
 *
 * @param schema   names the columns of every row
 * @param rows     one row of feature values per shown candidate, in schema order
 * @param positive per row, whether the shopper clicked or bought the candidate
 */
public record TrainingSet(FeatureSchema schema, double[][] rows, boolean[] positive) {

  public TrainingSet {
    Objects.requireNonNull(schema, "schema");
    if (rows.length != positive.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + positive.length + " outcomes");
    }
    for (int i = 0; i < rows.length; i++) {
      requireValid(schema, rows[i], i);
    }
    // a model that has seen one outcome only has no P(positive) to learn
    if (!isLearnable(rows, positive)) {
      throw new IllegalArgumentException(
          "a training set needs both positive and negative rows with a non-zero feature; a row of zeros teaches"
              + " the models nothing");
    }
  }

  /** Whether a model could learn from these rows: both outcomes occur among rows with a non-zero feature. */
  public static boolean isLearnable(double[][] rows, boolean[] positive) {
    boolean anyPositive = false;
    boolean anyNegative = false;
    for (int i = 0; i < rows.length && !(anyPositive && anyNegative); i++) {
      boolean learnable = !isFeatureless(rows[i]);
      anyPositive |= learnable && positive[i];
      anyNegative |= learnable && !positive[i];
    }
    return anyPositive && anyNegative;
  }

  /** A row whose features are all zero: it gives a model nothing to learn from, and Tribuo no example. */
  public static boolean isFeatureless(double[] row) {
    for (double value : row) {
      if (value != 0.0) {
        return false;
      }
    }
    return true;
  }

  private static void requireValid(FeatureSchema schema, double[] row, int index) {
    if (row.length != schema.size()) {
      throw new IllegalArgumentException(
          "row " + index + " has " + row.length + " values but schema " + schema.version() + " has "
              + schema.size() + " features");
    }
    for (int f = 0; f < row.length; f++) {
      if (!Double.isFinite(row[f])) {
        throw new IllegalArgumentException(
            "feature " + schema.names().get(f) + " of row " + index + " is " + row[f]
                + "; the feature code must give finite values");
      }
    }
  }

  public int size() {
    return rows.length;
  }
}
