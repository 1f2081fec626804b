package dev.concierge.models.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The flat, padded, twin-sharing layout against a plain walk of the same hand-built trees: shallow and deep
 * trees, twins and loners, unequal tree counts per class, defaults both ways, thresholds of both signs.
 */
class TreeEnsembleScorerTest {

  private static final FeatureSchema SCHEMA = FeatureSchema.of("trees-v1", "a", "b", "c", "d");
  private static final float BASE_MARGIN = 0.5f;
  private static final float[] THRESHOLDS = {-1.5f, -0.25f, 0f, 0.1f, 0.75f, 2f};
  private static final int ROUNDS = 13;
  private static final int MAX_TEST_DEPTH = 5;
  private static final double SPLIT_CHANCE = 0.7;
  private static final double ABSENT_SHARE = 0.3;
  private static final int ROWS = 5_000;
  private static final double ROUNDING = 1e-9;

  @Test
  void scoresExactlyLikeAPlainWalkOfTheTrees() {
    SplittableRandom random = new SplittableRandom(1);
    List<DecisionTree> positive = new ArrayList<>();
    List<DecisionTree> negative = new ArrayList<>();
    randomEnsemble(random, positive, negative);
    Scorer scorer = new TreeEnsembleScorer(SCHEMA, BASE_MARGIN, positive, negative);
    for (int i = 0; i < ROWS; i++) {
      double[] row = randomRow(random);
      assertEquals(plainScore(positive, negative, row), scorer.score(row), "row " + Arrays.toString(row));
    }
  }

  @Test
  void contributionsPlusBaselineAddUpToTheMarginDifference() {
    SplittableRandom random = new SplittableRandom(2);
    List<DecisionTree> positive = new ArrayList<>();
    List<DecisionTree> negative = new ArrayList<>();
    randomEnsemble(random, positive, negative);
    Scorer scorer = new TreeEnsembleScorer(SCHEMA, BASE_MARGIN, positive, negative);
    double[] contributions = new double[SCHEMA.size()];
    for (int i = 0; i < ROWS; i++) {
      double[] row = randomRow(random);
      scorer.contributions(row, contributions);
      double sum = scorer.baselineLogit();
      for (double contribution : contributions) {
        sum += contribution;
      }
      double logit = 0;
      for (DecisionTree tree : positive) {
        logit += plainLeaf(tree, row);
      }
      for (DecisionTree tree : negative) {
        logit -= plainLeaf(tree, row);
      }
      assertEquals(logit, sum, ROUNDING);
    }
  }

  @Test
  void aPrefixOfEveryRoundIsTheWholeMarginDifferenceAndOfNoneIsNoEvidence() {
    SplittableRandom random = new SplittableRandom(3);
    List<DecisionTree> positive = new ArrayList<>();
    List<DecisionTree> negative = new ArrayList<>();
    randomEnsemble(random, positive, negative);
    Scorer scorer = new TreeEnsembleScorer(SCHEMA, BASE_MARGIN, positive, negative);
    int everyWalk = positive.size() + negative.size();
    for (int i = 0; i < ROWS; i++) {
      double[] row = randomRow(random);
      float positiveMargin = BASE_MARGIN;
      for (DecisionTree tree : positive) {
        positiveMargin += plainLeaf(tree, row);
      }
      float negativeMargin = BASE_MARGIN;
      for (DecisionTree tree : negative) {
        negativeMargin += plainLeaf(tree, row);
      }
      assertEquals((double) positiveMargin - negativeMargin, scorer.prefixLogit(row, everyWalk), "row " + i);
      assertEquals(0.0, scorer.prefixLogit(row, 0), "row " + i);
    }
    assertTrue(scorer.hasPrefix());
  }

  /** One split on b: left leaf 1 covering 3, right leaf -1 covering 1, so the tree expects 0.5. */
  @Test
  void aSplitIsCreditedWithTheChangeInTheTreesExpectedOutput() {
    DecisionTree tree =
        new DecisionTree(
            new int[] {1, DecisionTree.LEAF, DecisionTree.LEAF},
            new float[] {0.5f, 0, 0},
            new int[] {1, 0, 0},
            new int[] {2, 0, 0},
            new boolean[] {true, false, false},
            new float[] {0, 1f, -1f},
            new float[] {4, 3, 1});
    Scorer scorer = new TreeEnsembleScorer(SCHEMA, BASE_MARGIN, List.of(tree), List.of());
    assertEquals(0.5, scorer.baselineLogit(), ROUNDING);
    double[] contributions = new double[SCHEMA.size()];
    scorer.contributions(new double[] {7, 0.2, 7, 7}, contributions);
    assertEquals(0.5, contributions[1], ROUNDING);
    scorer.contributions(new double[] {7, 0.9, 7, 7}, contributions);
    assertEquals(-1.5, contributions[1], ROUNDING);
    assertEquals(0.0, contributions[0] + contributions[2] + contributions[3]);
  }

  @Test
  void anEnsembleOfLeavesScoresItsLeaves() {
    Scorer scorer = new TreeEnsembleScorer(SCHEMA, BASE_MARGIN, List.of(leaf(0.3f)), List.of(leaf(-0.3f)));
    double[] row = {1, 2, 3, 4};
    assertEquals(plainScore(List.of(leaf(0.3f)), List.of(leaf(-0.3f)), row), scorer.score(row));
  }

  @Test
  void treesDeeperThanTheLimitAreRefused() {
    SplittableRandom random = new SplittableRandom(3);
    DecisionTree deep = chain(random, TreeEnsembleScorer.MAX_DEPTH + 1);
    ModelCompilationException e =
        assertThrows(
            ModelCompilationException.class,
            () -> new TreeEnsembleScorer(SCHEMA, BASE_MARGIN, List.of(deep), List.of()));
    assertTrue(e.getMessage().contains("deeper than " + TreeEnsembleScorer.MAX_DEPTH), e.getMessage());
  }

  /** XGBoost's prediction the plain way: walk each tree, add leaves per class in order, softmax in float32. */
  private static double plainScore(List<DecisionTree> positiveTrees, List<DecisionTree> negativeTrees, double[] row) {
    float positive = BASE_MARGIN;
    for (DecisionTree tree : positiveTrees) {
      positive += plainLeaf(tree, row);
    }
    float negative = BASE_MARGIN;
    for (DecisionTree tree : negativeTrees) {
      negative += plainLeaf(tree, row);
    }
    float max = Math.max(positive, negative);
    float positiveExp = (float) Math.exp(positive - max);
    float negativeExp = (float) Math.exp(negative - max);
    return positiveExp / (float) ((double) positiveExp + negativeExp);
  }

  private static float plainLeaf(DecisionTree tree, double[] row) {
    int node = DecisionTree.ROOT;
    while (!tree.isLeaf(node)) {
      double value = row[tree.splitFeature()[node]];
      boolean left = value == 0.0 ? tree.missingGoesLeft()[node] : (float) value < tree.threshold()[node];
      node = left ? tree.left()[node] : tree.right()[node];
    }
    return tree.leafValue()[node];
  }

  /** Twins in most rounds, a loner of each class in some, and one more positive tree than negative. */
  private static void randomEnsemble(
      SplittableRandom random, List<DecisionTree> positive, List<DecisionTree> negative) {
    for (int round = 0; round < ROUNDS; round++) {
      DecisionTree tree = randomTree(random);
      positive.add(tree);
      if (round == ROUNDS - 1) {
        break;
      }
      negative.add(round % 3 == 0 ? randomTree(random) : twinOf(tree, random));
    }
  }

  private static double[] randomRow(SplittableRandom random) {
    double[] row = new double[SCHEMA.size()];
    for (int f = 0; f < row.length; f++) {
      if (random.nextDouble() < ABSENT_SHARE) {
        continue;
      }
      float near = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
      row[f] =
          switch (random.nextInt(4)) {
            case 0 -> near;
            case 1 -> Math.nextUp((double) near);
            case 2 -> Math.nextDown((double) near);
            default -> near + random.nextGaussian();
          };
    }
    return row;
  }

  private static DecisionTree twinOf(DecisionTree tree, SplittableRandom random) {
    float[] leaves = tree.leafValue().clone();
    float[] cover = tree.cover().clone();
    for (int node = 0; node < tree.size(); node++) {
      leaves[node] = -leaves[node] + (float) (0.01 * random.nextGaussian());
      cover[node] *= 1.01f;
    }
    return new DecisionTree(
        tree.splitFeature(), tree.threshold(), tree.left(), tree.right(), tree.missingGoesLeft(), leaves, cover);
  }

  private static DecisionTree leaf(float value) {
    return new DecisionTree(
        new int[] {DecisionTree.LEAF}, new float[1], new int[1], new int[1], new boolean[1], new float[] {value},
        new float[] {1});
  }

  private static DecisionTree randomTree(SplittableRandom random) {
    TreeBuilder builder = new TreeBuilder();
    builder.grow(random, 0, MAX_TEST_DEPTH, SPLIT_CHANCE);
    return builder.build();
  }

  private static DecisionTree chain(SplittableRandom random, int depth) {
    TreeBuilder builder = new TreeBuilder();
    builder.grow(random, 0, depth, 1.0);
    return builder.build();
  }

  /** Grows random trees in XGBoost's numbering: a node's number is given before its children's. */
  private static final class TreeBuilder {
    private final List<int[]> splits = new ArrayList<>();
    private final List<Float> thresholds = new ArrayList<>();
    private final List<Boolean> defaults = new ArrayList<>();
    private final List<Float> leaves = new ArrayList<>();
    private final List<Float> covers = new ArrayList<>();

    /** Adds a subtree and returns its root's number; {@code splitChance} 1 grows a chain down the left. */
    int grow(SplittableRandom random, int level, int maxDepth, double splitChance) {
      if (level >= maxDepth || random.nextDouble() >= splitChance) {
        return add(DecisionTree.LEAF, 0, 0, 0f, false, (float) (0.3 * random.nextGaussian()), 1f + random.nextInt(10));
      }
      int node = add(DecisionTree.LEAF, 0, 0, 0f, false, 0f, 0f);
      int left = grow(random, level + 1, maxDepth, splitChance);
      int right =
          splitChance == 1.0 ? grow(random, maxDepth, maxDepth, 0) : grow(random, level + 1, maxDepth, splitChance);
      splits.set(node, new int[] {random.nextInt(SCHEMA.size()), left, right});
      thresholds.set(node, THRESHOLDS[random.nextInt(THRESHOLDS.length)]);
      defaults.set(node, random.nextBoolean());
      covers.set(node, covers.get(left) + covers.get(right));
      return node;
    }

    private int add(
        int feature, int left, int right, float threshold, boolean missingGoesLeft, float leaf, float cover) {
      splits.add(new int[] {feature, left, right});
      thresholds.add(threshold);
      defaults.add(missingGoesLeft);
      leaves.add(leaf);
      covers.add(cover);
      return splits.size() - 1;
    }

    DecisionTree build() {
      int n = splits.size();
      int[] feature = new int[n];
      float[] threshold = new float[n];
      int[] left = new int[n];
      int[] right = new int[n];
      boolean[] missingGoesLeft = new boolean[n];
      float[] leafValue = new float[n];
      float[] cover = new float[n];
      for (int i = 0; i < n; i++) {
        feature[i] = splits.get(i)[0];
        left[i] = splits.get(i)[1];
        right[i] = splits.get(i)[2];
        threshold[i] = thresholds.get(i);
        missingGoesLeft[i] = defaults.get(i);
        leafValue[i] = leaves.get(i);
        cover[i] = covers.get(i);
      }
      return new DecisionTree(feature, threshold, left, right, missingGoesLeft, leafValue, cover);
    }
  }
}
