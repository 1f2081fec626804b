package dev.concierge.models.scoring;

/** Argument checks shared by the scorers; cheap enough for the hot path. */
final class Rows {

  private Rows() {}

  static void requireSize(double[] row, FeatureSchema schema) {
    if (row.length != schema.size()) {
      throw new IllegalArgumentException(
          "a row of feature schema " + schema.version() + " has " + schema.size() + " values, got " + row.length);
    }
  }
}
