package dev.concierge.models.scoring;

import java.util.Objects;

/**
 * Dense training rows with their outcomes. The arrays are not copied (training sets are large): do not
 * change them while a model trains.
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
    boolean anyPositive = false;
    boolean anyNegative = false;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != schema.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values but schema " + schema.version() + " has "
                + schema.size() + " features");
      }
      anyPositive |= positive[i];
      anyNegative |= !positive[i];
    }
    // a model that has seen one outcome only has no P(positive) to learn
    if (!anyPositive || !anyNegative) {
      throw new IllegalArgumentException("a training set needs both positive and negative rows");
    }
  }

  public int size() {
    return rows.length;
  }
}
