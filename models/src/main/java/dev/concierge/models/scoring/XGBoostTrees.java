package dev.concierge.models.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 */
final class XGBoostTrees {

  private static final String SOFTPROB_OBJECTIVE = "multi:softprob";
  private static final String TREE_BOOSTER = "gbtree";
  private static final int CLASSES = 2;
  private static final int NUMERICAL_SPLIT = 0;
  private static final int NO_CHILD = -1;
  private static final String JSON_FORMAT = "json";

  private XGBoostTrees() {}

  static TreeEnsembleScorer compile(XGBoostModel<Label> model, ModelDomain domain, FeatureSchema schema) {
    Map<String, Object> learner = object(asObject(modelJson(model)), "learner");
    String objective = string(object(learner, "objective"), "name");
    Map<String, Object> booster = object(learner, "gradient_booster");
    String boosterName = string(booster, "name");
    Map<String, Object> parameters = object(learner, "learner_model_param");
    int classes = Integer.parseInt(string(parameters, "num_class"));
    if (!SOFTPROB_OBJECTIVE.equals(objective) || !TREE_BOOSTER.equals(boosterName) || classes != CLASSES) {
      throw new ModelCompilationException(
          "only " + TREE_BOOSTER + " boosters with objective " + SOFTPROB_OBJECTIVE + " over " + CLASSES
              + " classes compile; this one is " + boosterName + " with " + objective + " over " + classes);
    }
    float baseMargin = Float.parseFloat(string(parameters, "base_score"));

    Map<String, Object> ensemble = object(booster, "model");
    List<Object> treeClasses = array(ensemble, "tree_info");
    List<Object> trees = array(ensemble, "trees");
    List<DecisionTree> positiveTrees = new ArrayList<>();
    List<DecisionTree> negativeTrees = new ArrayList<>();
    for (int t = 0; t < trees.size(); t++) {
      DecisionTree tree = tree(asObject(trees.get(t)), domain);
      int labelId = number(treeClasses, t).asInt();
      (labelId == domain.positiveLabelId() ? positiveTrees : negativeTrees).add(tree);
    }
    return new TreeEnsembleScorer(schema, baseMargin, positiveTrees, negativeTrees);
  }

  private static Object modelJson(XGBoostModel<Label> model) {
    List<Booster> boosters = model.getInnerModels();
    try {
      if (boosters.size() != 1) {
        throw new ModelCompilationException("a classifier has one booster, this model has " + boosters.size());
      }
      return Json.parse(new String(boosters.get(0).toByteArray(JSON_FORMAT), StandardCharsets.UTF_8));
    } catch (XGBoostError e) {
      throw new ModelCompilationException("XGBoost could not write the model as JSON: " + e.getMessage());
    } finally {
      // getInnerModels hands out native copies; free them now rather than at finalization
      boosters.forEach(Booster::dispose);
    }
  }

  private static DecisionTree tree(Map<String, Object> json, ModelDomain domain) {
    List<Object> splitIndices = array(json, "split_indices");
    List<Object> splitConditions = array(json, "split_conditions");
    List<Object> lefts = array(json, "left_children");
    List<Object> rights = array(json, "right_children");
    List<Object> defaultLeft = array(json, "default_left");
    List<Object> covers = array(json, "sum_hessian");
    List<Object> splitTypes = json.containsKey("split_type") ? array(json, "split_type") : List.of();
    int nodes = lefts.size();
    int[] splitFeature = new int[nodes];
    float[] threshold = new float[nodes];
    int[] left = new int[nodes];
    int[] right = new int[nodes];
    boolean[] missingGoesLeft = new boolean[nodes];
    float[] leafValue = new float[nodes];
    float[] cover = new float[nodes];
    for (int node = 0; node < nodes; node++) {
      cover[node] = number(covers, node).asFloat();
      // XGBoost keeps a leaf's output where a split keeps its threshold
      float condition = number(splitConditions, node).asFloat();
      left[node] = number(lefts, node).asInt();
      if (left[node] == NO_CHILD) {
        splitFeature[node] = DecisionTree.LEAF;
        leafValue[node] = condition;
        continue;
      }
      if (!splitTypes.isEmpty() && number(splitTypes, node).asInt() != NUMERICAL_SPLIT) {
        throw new ModelCompilationException("categorical splits are not supported");
      }
      splitFeature[node] = domain.schemaIndex(number(splitIndices, node).asInt());
      threshold[node] = condition;
      right[node] = number(rights, node).asInt();
      missingGoesLeft[node] = isTrue(defaultLeft.get(node));
    }
    return new DecisionTree(splitFeature, threshold, left, right, missingGoesLeft, leafValue, cover);
  }

  private static Json.NumberText number(List<Object> values, int index) {
    return (Json.NumberText) values.get(index);
  }

  /** XGBoost 1.x writes flags as 0/1. */
  private static boolean isTrue(Object flag) {
    return flag instanceof Boolean b ? b : ((Json.NumberText) flag).asInt() != 0;
  }

  private static Map<String, Object> object(Map<String, Object> parent, String key) {
    return asObject(require(parent, key));
  }

  @SuppressWarnings("unchecked") // Json builds objects as Map<String, Object>
  private static Map<String, Object> asObject(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked") // Json builds arrays as List<Object>
  private static List<Object> array(Map<String, Object> parent, String key) {
    return (List<Object>) require(parent, key);
  }

  private static String string(Map<String, Object> parent, String key) {
    return (String) require(parent, key);
  }

  private static Object require(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      throw new ModelCompilationException("the XGBoost model JSON has no '" + key + "'");
    }
    return value;
  }
}
