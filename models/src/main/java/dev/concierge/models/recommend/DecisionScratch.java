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
  private double[][] rows = new double[0][];
  private double[] prefixLogits = new double[0];
  private boolean[] kept = new boolean[0];
  private int[] bestIndices = new int[0];

  /** A feature row of {@code size} slots; its values are whatever the last decision left. */
  double[] row(int size) {
    if (row.length != size) {
      row = new double[size];
    }
    return row;
  }

  /** {@code count} feature rows of {@code size} slots each, for two-stage scoring. */
  double[][] rows(int count, int size) {
    if (rows.length < count || rows[0].length != size) {
      rows = new double[Math.max(count, rows.length)][size];
    }
    return rows;
  }

  /** Room for {@code count} pre-ranking logits. */
  double[] prefixLogits(int count) {
    if (prefixLogits.length < count) {
      prefixLogits = new double[count];
    }
    return prefixLogits;
  }

  /**
   * Marks the {@code keep} highest of {@code values[0..count)}: equal values by the lower index, so the
   * earlier candidate. One pass keeps the best so far in order; {@code keep} is a small share of
   * {@code count}.
   */
  boolean[] best(double[] values, int count, int keep) {
    if (kept.length < count) {
      kept = new boolean[count];
    }
    if (bestIndices.length < keep) {
      bestIndices = new int[keep];
    }
    java.util.Arrays.fill(kept, 0, count, false);
    int held = 0;
    for (int i = 0; i < count; i++) {
      if (held == keep && !(values[i] > values[bestIndices[held - 1]])) {
        continue;
      }
      int at = held == keep ? held - 1 : held++;
      while (at > 0 && values[i] > values[bestIndices[at - 1]]) {
        bestIndices[at] = bestIndices[at - 1];
        at--;
      }
      bestIndices[at] = i;
    }
    for (int i = 0; i < held; i++) {
      kept[bestIndices[i]] = true;
    }
    return kept;
  }

  /** The contributions of a row of {@code size} slots; the scorer overwrites them all. */
  double[] contributions(int size) {
    if (contributions.length != size) {
      contributions = new double[size];
    }
    return contributions;
  }
}
