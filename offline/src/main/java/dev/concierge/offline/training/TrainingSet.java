package dev.concierge.offline.training;

import dev.concierge.models.scoring.FeatureSchema;
import dev.concierge.models.scoring.TribuoExamples;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

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
 * @param moments  per row, the labelled moment it was computed at (the rows of one moment rank against
 *     each other; moments are numbered from 0 in time order, and a moment's rows are contiguous)
 */
public record TrainingSet(FeatureSchema schema, double[][] rows, boolean[] positive, int[] moments) {

  public TrainingSet {
    Objects.requireNonNull(schema, "schema");
    if (rows.length != positive.length || rows.length != moments.length) {
      throw new IllegalArgumentException(
          rows.length + " rows but " + positive.length + " outcomes and " + moments.length + " moments");
    }
    for (int i = 1; i < moments.length; i++) {
      if (moments[i] < moments[i - 1]) {
        throw new IllegalArgumentException("row " + i + " goes back to moment " + moments[i] + " from " + moments[i - 1]);
      }
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

  /** Rows that were not computed at shared moments: each row is a moment of its own. */
  public TrainingSet(FeatureSchema schema, double[][] rows, boolean[] positive) {
    this(schema, rows, positive, IntStream.range(0, rows.length).toArray());
  }

  /** The rows of the moments before {@code moment}, and those from it on. */
  public int firstRowOf(int moment) {
    int at = Arrays.binarySearch(moments, moment);
    if (at < 0) {
      return -at - 1;
    }
    while (at > 0 && moments[at - 1] == moment) {
      at--;
    }
    return at;
  }

  /** The rows from {@code from} (inclusive) to {@code to} (exclusive), sharing the arrays' rows. */
  public TrainingSet slice(int from, int to) {
    return new TrainingSet(schema, Arrays.copyOfRange(rows, from, to), Arrays.copyOfRange(positive, from, to),
        Arrays.copyOfRange(moments, from, to));
  }

  /** How many moments the rows were computed at. */
  public int momentCount() {
    return moments.length == 0 ? 0 : moments[moments.length - 1] - moments[0] + 1;
  }

  /** The rows as Tribuo examples ({@link TribuoExamples}), the featureless ones left out. */
  public MutableDataset<Label> dataset() {
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance("dense rows, feature schema " + schema.version(), labels), labels);
    for (int i = 0; i < rows.length; i++) {
      if (!isFeatureless(rows[i])) {
        dataset.add(TribuoExamples.labelled(positive[i], schema, rows[i]));
      }
    }
    return dataset;
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
