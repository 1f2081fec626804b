package dev.concierge.models.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Reads the trees out of a Tribuo XGBoost classifier, through the booster's complete JSON model (the
 * dumps leave out the objective, the base score and which class each tree belongs to).
 *
 * <p>What Tribuo and XGBoost do, and the scorer mirrors: Tribuo's classification trainer always sets the
 * {@code multi:softprob} objective with {@code num_class} = number of labels, so each boosting round adds one
 * tree per class ({@code tree_info} names the class by Tribuo output id) and the probabilities are a softmax
 * of the class margins; the base score starts every margin and is not transformed for this objective; the
 * booster's feature indices are Tribuo feature ids; Tribuo passes features as float32 in a sparse matrix, so
 * an absent feature is missing and takes the node's default branch.
 *
 * <p>Jackson binds the JSON to the records below. Thresholds and leaf values are bound to {@code float}
 * straight from their text, so a float32 written by XGBoost reads back as the very same float (never
 * rounded to a double first).
 */
final class XGBoostTrees {

  private static final String SOFTPROB_OBJECTIVE = "multi:softprob";
  private static final String TREE_BOOSTER = "gbtree";
  private static final int CLASSES = 2;
  private static final int NUMERICAL_SPLIT = 0;
  private static final int NO_CHILD = -1;
  private static final String JSON_FORMAT = "json";
  // far deeper than a boosted tree grows (Tribuo's default is 6); deep enough paths would overflow the
  // stack of the tree walks that recurse
  private static final int MAX_DEPTH = 512;
  // XGBoost writes snake_case keys; fields the scorer does not need are skipped. XGBoost 1.x writes
  // num_class and base_score as strings and flags as 0/1, which Jackson's default coercions read.
  private static final ObjectReader MODEL_READER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .readerFor(ModelJson.class);

  /** The parts of XGBoost's JSON model the scorer reads. */
  private record ModelJson(Learner learner) {}

  private record Learner(Objective objective, GradientBooster gradientBooster, LearnerModelParam learnerModelParam) {}

  private record Objective(String name) {}

  private record LearnerModelParam(Integer numClass, Float baseScore) {}

  private record GradientBooster(String name, Ensemble model) {}

  /** @param treeInfo the Tribuo output id of the class each tree adds to */
  private record Ensemble(int[] treeInfo, List<TreeJson> trees) {}

  /** One tree as parallel arrays by node; a leaf keeps its output in {@code splitConditions}. */
  private record TreeJson(
      int[] splitIndices, float[] splitConditions, int[] leftChildren, int[] rightChildren,
      boolean[] defaultLeft, float[] sumHessian, int[] splitType) {}

  private XGBoostTrees() {}

  static TreeEnsembleScorer compile(XGBoostModel<Label> model, ModelDomain domain, FeatureSchema schema) {
    return compile(read(modelJson(model)), domain, schema);
  }

  /** The model XGBoost wrote as JSON, bound to the records the scorer reads. */
  private static ModelJson read(byte[] json) {
    try {
      return MODEL_READER.readValue(json);
    } catch (IOException e) {
      throw new ModelCompilationException("the XGBoost model JSON does not read: " + e.getMessage());
    }
  }

  private static TreeEnsembleScorer compile(ModelJson json, ModelDomain domain, FeatureSchema schema) {
    Learner learner = require(json.learner(), "learner");
    String objective = require(require(learner.objective(), "objective").name(), "name");
    GradientBooster booster = require(learner.gradientBooster(), "gradient_booster");
    String boosterName = require(booster.name(), "name");
    LearnerModelParam parameters = require(learner.learnerModelParam(), "learner_model_param");
    int classes = require(parameters.numClass(), "num_class");
    if (!SOFTPROB_OBJECTIVE.equals(objective) || !TREE_BOOSTER.equals(boosterName) || classes != CLASSES) {
      throw new ModelCompilationException(
          "only " + TREE_BOOSTER + " boosters with objective " + SOFTPROB_OBJECTIVE + " over " + CLASSES
              + " classes compile; this one is " + boosterName + " with " + objective + " over " + classes);
    }
    float baseMargin = require(parameters.baseScore(), "base_score");

    Ensemble ensemble = require(booster.model(), "model");
    int[] treeClasses = require(ensemble.treeInfo(), "tree_info");
    List<TreeJson> trees = require(ensemble.trees(), "trees");
    if (treeClasses.length != trees.size()) {
      throw new ModelCompilationException(
          "the XGBoost model JSON names the classes of " + treeClasses.length + " trees, and holds " + trees.size());
    }
    List<DecisionTree> positiveTrees = new ArrayList<>();
    List<DecisionTree> negativeTrees = new ArrayList<>();
    for (int t = 0; t < trees.size(); t++) {
      DecisionTree tree = tree(trees.get(t), domain);
      (treeClasses[t] == domain.positiveLabelId() ? positiveTrees : negativeTrees).add(tree);
    }
    return new TreeEnsembleScorer(schema, baseMargin, positiveTrees, negativeTrees);
  }

  private static byte[] modelJson(XGBoostModel<Label> model) {
    List<Booster> boosters = model.getInnerModels();
    try {
      if (boosters.size() != 1) {
        throw new ModelCompilationException("a classifier has one booster, this model has " + boosters.size());
      }
      return boosters.get(0).toByteArray(JSON_FORMAT);
    } catch (XGBoostError e) {
      throw new ModelCompilationException("XGBoost could not write the model as JSON: " + e.getMessage());
    } finally {
      // getInnerModels hands out native copies; free them now rather than at finalization
      boosters.forEach(Booster::dispose);
    }
  }

  private static DecisionTree tree(TreeJson json, ModelDomain domain) {
    int[] splitIndices = require(json.splitIndices(), "split_indices");
    float[] splitConditions = require(json.splitConditions(), "split_conditions");
    int[] lefts = require(json.leftChildren(), "left_children");
    int[] rights = require(json.rightChildren(), "right_children");
    boolean[] defaultLeft = require(json.defaultLeft(), "default_left");
    float[] covers = require(json.sumHessian(), "sum_hessian");
    int[] splitTypes = json.splitType() == null ? new int[0] : json.splitType();
    int nodes = lefts.length;
    requireNodes(nodes, splitIndices.length, "split_indices");
    requireNodes(nodes, splitConditions.length, "split_conditions");
    requireNodes(nodes, rights.length, "right_children");
    requireNodes(nodes, defaultLeft.length, "default_left");
    requireNodes(nodes, covers.length, "sum_hessian");
    if (splitTypes.length > 0) {
      requireNodes(nodes, splitTypes.length, "split_type");
    }
    requireTree(lefts, rights);
    int[] splitFeature = new int[nodes];
    float[] threshold = new float[nodes];
    int[] left = new int[nodes];
    int[] right = new int[nodes];
    boolean[] missingGoesLeft = new boolean[nodes];
    float[] leafValue = new float[nodes];
    float[] cover = new float[nodes];
    for (int node = 0; node < nodes; node++) {
      cover[node] = covers[node];
      // XGBoost keeps a leaf's output where a split keeps its threshold
      float condition = splitConditions[node];
      left[node] = lefts[node];
      if (left[node] == NO_CHILD) {
        splitFeature[node] = DecisionTree.LEAF;
        leafValue[node] = condition;
        continue;
      }
      if (splitTypes.length > 0 && splitTypes[node] != NUMERICAL_SPLIT) {
        throw new ModelCompilationException("categorical splits are not supported");
      }
      splitFeature[node] = domain.schemaIndex(splitIndices[node]);
      threshold[node] = condition;
      right[node] = rights[node];
      missingGoesLeft[node] = defaultLeft[node];
    }
    return new DecisionTree(splitFeature, threshold, left, right, missingGoesLeft, leafValue, cover);
  }

  private static void requireNodes(int nodes, int values, String key) {
    if (values != nodes) {
      throw new ModelCompilationException(
          "a tree of the XGBoost model JSON has " + nodes + " nodes and " + values + " '" + key + "'");
    }
  }

  /**
   * The children form one tree below the root, no deeper than {@link #MAX_DEPTH}: the scorer walks them
   * (and {@link DecisionTree} recurses through them) trusting that every path ends at a leaf.
   */
  private static void requireTree(int[] lefts, int[] rights) {
    int nodes = lefts.length;
    if (nodes == 0) {
      throw new ModelCompilationException("a tree of the XGBoost model JSON has no nodes");
    }
    boolean[] reached = new boolean[nodes];
    int[] depth = new int[nodes];
    ArrayDeque<Integer> below = new ArrayDeque<>();
    below.push(DecisionTree.ROOT);
    reached[DecisionTree.ROOT] = true;
    while (!below.isEmpty()) {
      int node = below.pop();
      if (lefts[node] == NO_CHILD) {
        continue;
      }
      for (int child : new int[] {lefts[node], rights[node]}) {
        if (child < 0 || child >= nodes || reached[child] || depth[node] >= MAX_DEPTH) {
          throw new ModelCompilationException("a tree of the XGBoost model JSON is not a tree of at most "
              + MAX_DEPTH + " levels: node " + node + " leads to " + child);
        }
        reached[child] = true;
        depth[child] = depth[node] + 1;
        below.push(child);
      }
    }
  }

  private static <T> T require(T value, String key) {
    if (value == null) {
      throw new ModelCompilationException("the XGBoost model JSON has no '" + key + "'");
    }
    return value;
  }
}
