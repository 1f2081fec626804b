package dev.concierge.models.scoring;

import java.util.Arrays;

/**
 * One binary decision tree as read from a model, in the tree's own node numbering (node 0 is the root).
 * A row goes to {@code left[n]} when its value is below {@code threshold[n]}, to {@code right[n]} when it is
 * not, and follows {@code missingGoesLeft[n]} when the feature is absent (zero).
 *
 * @param splitFeature    per node, the schema index of the feature it splits on, or {@link #LEAF}
 * @param threshold       per split node, the float32 threshold
 * @param left            per split node, the child for values below the threshold
 * @param right           per split node, the child for values at or above the threshold
 * @param missingGoesLeft per split node, the branch of an absent feature
 * @param leafValue       per leaf, the tree's output in logit units
 * @param cover           per node, the training weight (hessian sum) that reached it
 */
record DecisionTree(
    int[] splitFeature,
    float[] threshold,
    int[] left,
    int[] right,
    boolean[] missingGoesLeft,
    float[] leafValue,
    float[] cover) {

  static final int LEAF = -1;
  static final int ROOT = 0;

  int size() {
    return splitFeature.length;
  }

  boolean isLeaf(int node) {
    return splitFeature[node] == LEAF;
  }

  /** The number of splits on the longest path from the root to a leaf. */
  int depth() {
    return depthBelow(ROOT);
  }

  private int depthBelow(int node) {
    return isLeaf(node) ? 0 : 1 + Math.max(depthBelow(left[node]), depthBelow(right[node]));
  }

  /**
   * Whether every row reaches the same node in both trees: the same splits on the same features at the same
   * thresholds with the same default branches. Leaf values and covers may differ.
   */
  boolean sameSplitsAs(DecisionTree other) {
    return Arrays.equals(splitFeature, other.splitFeature)
        && Arrays.equals(threshold, other.threshold)
        && Arrays.equals(left, other.left)
        && Arrays.equals(right, other.right)
        && Arrays.equals(missingGoesLeft, other.missingGoesLeft);
  }

  /**
   * Per node, the cover-weighted mean of the leaves below it: what the tree outputs before the rest of the
   * path is known. Differences of these along a path are the Saabas attributions.
   */
  double[] expectedValues() {
    double[] expected = new double[size()];
    fillExpectedValue(ROOT, expected);
    return expected;
  }

  private double fillExpectedValue(int node, double[] expected) {
    if (isLeaf(node)) {
      expected[node] = leafValue[node];
    } else {
      double weighted =
          fillExpectedValue(left[node], expected) * cover[left[node]]
              + fillExpectedValue(right[node], expected) * cover[right[node]];
      expected[node] = weighted / cover[node];
    }
    return expected[node];
  }
}
