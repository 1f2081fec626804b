package dev.concierge.models.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled two-class tree ensemble, scoring the way XGBoost's {@code multi:softprob} predictor does so
 * that the result equals Tribuo's to float precision:
 *
 * <ul>
 *   <li>each class's margin starts at the base score and adds its trees' leaves in tree order, in float32;
 *   <li>a value is cast to float32 and goes right when it is at least the threshold; an absent (zero)
 *       feature takes the node's default branch;
 *   <li>the two margins go through XGBoost's float32 softmax.
 * </ul>
 *
 * <p>Speed comes from the layout, which leaves the CPU nothing to mispredict and several walks to overlap:
 *
 * <ul>
 *   <li>Every tree is padded to a complete tree of the ensemble's depth, stored heap-style (node i's children
 *       are 2i+1 and 2i+2), so every walk takes the same number of steps and the next node is arithmetic,
 *       not a branch. Padding below a shallow leaf leads to copies of the leaf.
 *   <li>Each row is first spread into two float32 columns per feature, one where an absent value is
 *       -infinity and one where it is +infinity; a node reads the column that sends absent values its default
 *       way, so a step is one subtraction whose sign picks the child. The columns live in a per-thread
 *       buffer, so scoring allocates nothing.
 *   <li>With two classes, round k's positive and negative trees usually split identically (their gradients
 *       are mirror images), so such a pair is walked once and both leaf values read where it ends; a tree
 *       without a twin is walked alone and adds 0 to the other class.
 *   <li>Four walks advance in lockstep; their leaves are still added in the model's order.
 * </ul>
 *
 * <p>Contributions are Saabas path attributions: each step of a path credits the split feature with the
 * change in the tree's expected output, positive-class trees adding and negative-class trees subtracting,
 * since the logit of the positive class is the positive margin minus the negative margin. Padding steps
 * change nothing.
 */
final class TreeEnsembleScorer implements Scorer {

  /** Deeper trees would pad to more than a thousand nodes each; XGBoost's default depth is 6. */
  static final int MAX_DEPTH = 10;

  private static final int COLUMNS_PER_FEATURE = 2;
  private static final int ABSENT_GOES_RIGHT_COLUMN = 1;
  private static final int FLOAT_SIGN_BIT = 31;
  /** Walks advanced together by {@link #score}, which names them a to d. */
  private static final int LANES = 4;

  private final FeatureSchema schema;
  private final float baseMargin;
  private final int depth;
  private final int splitsPerWalk;
  private final int leavesPerWalk;
  private final int walks;
  private final int[] column;
  /** Per split, the largest float that goes left: x goes right exactly when {@code leftUpTo - x < 0}. */
  private final float[] leftUpTo;
  private final float[] positiveLeaf;
  private final float[] negativeLeaf;
  private final double[] logitChangeOnEntry;
  private final double baselineLogit;
  private final ThreadLocal<float[]> columns;

  /** The trees walked together: a twin pair, or a tree of one class alone (the other side is null). */
  private record Walk(DecisionTree splits, DecisionTree positive, DecisionTree negative) {}

  /**
   * @param baseMargin    where each class's margin starts before any tree is added
   * @param positiveTrees the positive class's trees, in the order the model adds them up
   * @param negativeTrees the negative class's trees, likewise
   */
  TreeEnsembleScorer(
      FeatureSchema schema, float baseMargin, List<DecisionTree> positiveTrees, List<DecisionTree> negativeTrees) {
    this.schema = schema;
    this.baseMargin = baseMargin;
    List<Walk> pairs = walks(positiveTrees, negativeTrees);
    depth = pairs.stream().mapToInt(walk -> walk.splits().depth()).max().orElse(0);
    if (depth > MAX_DEPTH) {
      throw new ModelCompilationException(
          "trees deeper than " + MAX_DEPTH + " levels are not compiled; this model's reach " + depth);
    }
    leavesPerWalk = 1 << depth;
    splitsPerWalk = leavesPerWalk - 1;
    walks = pairs.size();
    column = new int[walks * splitsPerWalk];
    leftUpTo = new float[walks * splitsPerWalk];
    positiveLeaf = new float[walks * leavesPerWalk];
    negativeLeaf = new float[walks * leavesPerWalk];
    logitChangeOnEntry = new double[walks * (splitsPerWalk + leavesPerWalk)];
    double baseline = 0.0;
    for (int w = 0; w < walks; w++) {
      baseline += place(pairs.get(w), w);
    }
    baselineLogit = baseline;
    int columnCount = COLUMNS_PER_FEATURE * schema.size();
    columns = ThreadLocal.withInitial(() -> new float[columnCount]);
  }

  /** Pairs round k's trees when they split alike; the order within each class stays the model's. */
  private static List<Walk> walks(List<DecisionTree> positiveTrees, List<DecisionTree> negativeTrees) {
    List<Walk> walks = new ArrayList<>();
    for (int k = 0; k < Math.max(positiveTrees.size(), negativeTrees.size()); k++) {
      DecisionTree positive = k < positiveTrees.size() ? positiveTrees.get(k) : null;
      DecisionTree negative = k < negativeTrees.size() ? negativeTrees.get(k) : null;
      if (positive != null && negative != null && positive.sameSplitsAs(negative)) {
        walks.add(new Walk(positive, positive, negative));
        continue;
      }
      if (positive != null) {
        walks.add(new Walk(positive, positive, null));
      }
      if (negative != null) {
        walks.add(new Walk(negative, null, negative));
      }
    }
    return walks;
  }

  /** Lays walk {@code w} out as a complete tree; returns its share of the baseline logit. */
  private double place(Walk walk, int w) {
    int nodes = walk.splits().size();
    double[] positiveExpected = walk.positive() == null ? new double[nodes] : walk.positive().expectedValues();
    double[] negativeExpected = walk.negative() == null ? new double[nodes] : walk.negative().expectedValues();
    double[] logitExpected = new double[nodes];
    for (int node = 0; node < nodes; node++) {
      logitExpected[node] = positiveExpected[node] - negativeExpected[node];
    }
    place(walk, w, DecisionTree.ROOT, 0, 0, logitExpected);
    return logitExpected[DecisionTree.ROOT];
  }

  /**
   * Places the subtree under {@code node} at heap position {@code position}, {@code level} steps below the
   * root. Below a leaf that is not yet at full depth, padding sends both ways to copies of the leaf.
   */
  private void place(Walk walk, int w, int node, int position, int level, double[] logitExpected) {
    DecisionTree tree = walk.splits();
    if (level == depth) {
      int slot = w * leavesPerWalk + position - splitsPerWalk;
      positiveLeaf[slot] = walk.positive() == null ? 0f : walk.positive().leafValue()[node];
      negativeLeaf[slot] = walk.negative() == null ? 0f : walk.negative().leafValue()[node];
      return;
    }
    int leftPosition = 2 * position + 1;
    int rightPosition = leftPosition + 1;
    if (tree.isLeaf(node)) {
      place(walk, w, node, leftPosition, level + 1, logitExpected);
      place(walk, w, node, rightPosition, level + 1, logitExpected);
      return;
    }
    float threshold = tree.threshold()[node];
    if (!Float.isFinite(Math.nextDown(threshold))) {
      throw new ModelCompilationException("a split threshold is not a finite float: " + threshold);
    }
    int split = w * splitsPerWalk + position;
    column[split] =
        COLUMNS_PER_FEATURE * tree.splitFeature()[node] + (tree.missingGoesLeft()[node] ? 0 : ABSENT_GOES_RIGHT_COLUMN);
    leftUpTo[split] = Math.nextDown(threshold);
    int left = tree.left()[node];
    int right = tree.right()[node];
    logitChangeOnEntry[changeSlot(w, leftPosition)] = logitExpected[left] - logitExpected[node];
    logitChangeOnEntry[changeSlot(w, rightPosition)] = logitExpected[right] - logitExpected[node];
    place(walk, w, left, leftPosition, level + 1, logitExpected);
    place(walk, w, right, rightPosition, level + 1, logitExpected);
  }

  private int changeSlot(int w, int position) {
    return w * (splitsPerWalk + leavesPerWalk) + position;
  }

  @Override
  public FeatureSchema schema() {
    return schema;
  }

  @Override
  public double score(double[] row) {
    long margins = margins(spread(row), walks);
    float positive = positiveOf(margins);
    float negative = negativeOf(margins);
    // XGBoost's softmax: float32 exponentials of the margins less their maximum, summed in double
    float max = Math.max(positive, negative);
    float positiveExp = (float) Math.exp(positive - max);
    float negativeExp = (float) Math.exp(negative - max);
    double sum = (double) positiveExp + negativeExp;
    return positiveExp / (float) sum;
  }

  /**
   * Both classes' margins after the first {@code upTo} walks, packed into one long (the positive's float
   * bits high, the negative's low) so that scoring allocates nothing.
   */
  private long margins(float[] values, int upTo) {
    float positive = baseMargin;
    float negative = baseMargin;
    int w = 0;
    for (; w + LANES <= upTo; w += LANES) {
      int baseA = w * splitsPerWalk;
      int baseB = baseA + splitsPerWalk;
      int baseC = baseB + splitsPerWalk;
      int baseD = baseC + splitsPerWalk;
      int a = 0;
      int b = 0;
      int c = 0;
      int d = 0;
      for (int step = 0; step < depth; step++) {
        a = child(baseA, a, values);
        b = child(baseB, b, values);
        c = child(baseC, c, values);
        d = child(baseD, d, values);
      }
      int leaves = w * leavesPerWalk - splitsPerWalk;
      positive += positiveLeaf[leaves + a];
      negative += negativeLeaf[leaves + a];
      leaves += leavesPerWalk;
      positive += positiveLeaf[leaves + b];
      negative += negativeLeaf[leaves + b];
      leaves += leavesPerWalk;
      positive += positiveLeaf[leaves + c];
      negative += negativeLeaf[leaves + c];
      leaves += leavesPerWalk;
      positive += positiveLeaf[leaves + d];
      negative += negativeLeaf[leaves + d];
    }
    for (; w < upTo; w++) {
      int leaf = leafOf(w, values);
      positive += positiveLeaf[leaf];
      negative += negativeLeaf[leaf];
    }
    return (long) Float.floatToRawIntBits(positive) << Integer.SIZE | Float.floatToRawIntBits(negative) & 0xFFFF_FFFFL;
  }

  private static float positiveOf(long margins) {
    return Float.intBitsToFloat((int) (margins >>> Integer.SIZE));
  }

  private static float negativeOf(long margins) {
    return Float.intBitsToFloat((int) margins);
  }

  @Override
  public boolean hasPrefix() {
    return true;
  }

  /**
   * The first {@code rounds} walks alone (a round's twin trees are one walk), as a logit: the positive
   * margin less the negative one, which is what the two-class softmax turns into the probability.
   */
  @Override
  public double prefixLogit(double[] row, int rounds) {
    long margins = margins(spread(row), Math.min(rounds, walks));
    return (double) positiveOf(margins) - negativeOf(margins);
  }

  /** The leaf slot where walk {@code w} ends for {@code values}. */
  private int leafOf(int w, float[] values) {
    int position = 0;
    for (int step = 0; step < depth; step++) {
      position = child(w * splitsPerWalk, position, values);
    }
    return w * leavesPerWalk - splitsPerWalk + position;
  }

  @Override
  public void contributions(double[] row, double[] out) {
    Rows.requireSize(out, schema);
    float[] values = spread(row);
    Arrays.fill(out, 0.0);
    for (int w = 0; w < walks; w++) {
      int position = 0;
      for (int step = 0; step < depth; step++) {
        int feature = column[w * splitsPerWalk + position] / COLUMNS_PER_FEATURE;
        position = child(w * splitsPerWalk, position, values);
        out[feature] += logitChangeOnEntry[changeSlot(w, position)];
      }
    }
  }

  @Override
  public double baselineLogit() {
    return baselineLogit;
  }

  /** The row as float32 columns, two per feature: absent is -infinity in the first, +infinity in the second. */
  private float[] spread(double[] row) {
    Rows.requireSize(row, schema);
    float[] values = columns.get();
    for (int f = 0; f < row.length; f++) {
      boolean absent = row[f] == 0.0;
      values[COLUMNS_PER_FEATURE * f] = absent ? Float.NEGATIVE_INFINITY : (float) row[f];
      values[COLUMNS_PER_FEATURE * f + ABSENT_GOES_RIGHT_COLUMN] = absent ? Float.POSITIVE_INFINITY : (float) row[f];
    }
    return values;
  }

  /** One step down from heap {@code position} of the walk whose splits start at {@code base}. */
  private int child(int base, int position, float[] values) {
    int split = base + position;
    int goesRight = Float.floatToRawIntBits(leftUpTo[split] - values[column[split]]) >>> FLOAT_SIGN_BIT;
    return 2 * position + 1 + goesRight;
  }
}
