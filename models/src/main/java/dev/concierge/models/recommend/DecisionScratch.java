package dev.concierge.models.recommend;

/**
 * The tables one decision fills, kept for the next decision on the same thread, so that a decision
 * allocates next to nothing: the neighbour and co-occurrence scores, the candidates seen, the candidates
 * and the feature rows. Whoever holds one uses it for one decision at a time.
 */
final class DecisionScratch {

  /** Room each table starts with: a decision's neighbour lists rarely hold more. */
  static final int NEIGHBOURS_EXPECTED = 256;

  final IntScores coViewed = new IntScores(NEIGHBOURS_EXPECTED);
  final IntScores coBought = new IntScores(NEIGHBOURS_EXPECTED);
  final IntScores contextNeighbours = new IntScores(NEIGHBOURS_EXPECTED);
  final IntScores coOccurring = new IntScores(NEIGHBOURS_EXPECTED);
  final IntScores seen = new IntScores(NEIGHBOURS_EXPECTED);
  final Candidates candidates = new Candidates(NEIGHBOURS_EXPECTED);
  private double[] row = new double[0];
  private double[] contributions = new double[0];

  /** A feature row of {@code size} slots; its values are whatever the last decision left. */
  double[] row(int size) {
    if (row.length != size) {
      row = new double[size];
    }
    return row;
  }

  /** The contributions of a row of {@code size} slots; the scorer overwrites them all. */
  double[] contributions(int size) {
    if (contributions.length != size) {
      contributions = new double[size];
    }
    return contributions;
  }
}
