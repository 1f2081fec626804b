package dev.concierge.models.scoring;

/**
 * A compiled model: scores one candidate from its dense feature row, in the order of {@link #schema()}.
 *
 * <p>Implementations are immutable, so one instance serves every thread, and {@link #score} allocates
 * nothing. A zero value means "feature absent", exactly as in {@link TribuoExamples}. Values must be finite
 * (tree models, like XGBoost, compare them as float32).
 *
 * <p>Explanations live in logit space, {@code logit = ln(p / (1 - p))} with {@code p = score(row)}: the
 * contributions of all features plus {@link #baselineLogit()} add up to the logit, so a positive
 * contribution is a reason for the candidate and a negative one a reason against.
 */
public interface Scorer {

  FeatureSchema schema();

  /** The probability that the shopper clicks or buys the candidate: Tribuo's score of the positive label. */
  double score(double[] row);

  /** Fills {@code out[i]} with feature i's share of the logit; {@code out} has {@code schema().size()} slots. */
  void contributions(double[] row, double[] out);

  /** The part of every logit that no feature explains (the intercept, or the trees' expected output). */
  double baselineLogit();

  /**
   * Whether {@link #prefixLogit} costs much less than {@link #score}: true for tree ensembles, whose first
   * rounds already order candidates roughly as the whole ensemble does, so that a decision can pre-rank
   * with them and score only the best fully.
   */
  default boolean hasPrefix() {
    return false;
  }

  /** The logit of the model's first {@code rounds} rounds alone; of the whole model when it has no rounds. */
  default double prefixLogit(double[] row, int rounds) {
    double probability = score(row);
    return Math.log(probability / (1 - probability));
  }
}
