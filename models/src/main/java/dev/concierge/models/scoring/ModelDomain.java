package dev.concierge.models.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Where a Tribuo model's ids land in our terms. Tribuo numbers features by sorted name, not by schema
 * position, and numbers labels in its own order; compiled scorers translate both once, here.
 *
 * @param positiveLabelId Tribuo's output id of {@link TribuoExamples#POSITIVE}
 * @param negativeLabelId Tribuo's output id of {@link TribuoExamples#NEGATIVE}
 * @param schemaIndexByFeatureId for each Tribuo feature id, the feature's position in the schema
 */
record ModelDomain(int positiveLabelId, int negativeLabelId, int[] schemaIndexByFeatureId) {

  private static final Set<String> BINARY_LABELS = Set.of(TribuoExamples.POSITIVE, TribuoExamples.NEGATIVE);

  static ModelDomain of(Model<Label> model, FeatureSchema schema) {
    ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    Set<String> labels = outputs.getDomain().stream().map(Label::getLabel).collect(Collectors.toSet());
    if (!labels.equals(BINARY_LABELS)) {
      throw new ModelCompilationException(
          "a scorer needs a model trained on exactly the labels " + BINARY_LABELS + ", this one has " + labels);
    }
    ImmutableFeatureMap features = model.getFeatureIDMap();
    int[] schemaIndex = new int[features.size()];
    List<String> unknown = new ArrayList<>();
    for (int id = 0; id < features.size(); id++) {
      String name = features.get(id).getName();
      if (schema.contains(name)) {
        schemaIndex[id] = schema.index(name);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ModelCompilationException(
          "the model reads features that feature schema " + schema.version() + " does not have: " + unknown);
    }
    return new ModelDomain(
        outputs.getID(new Label(TribuoExamples.POSITIVE)),
        outputs.getID(new Label(TribuoExamples.NEGATIVE)),
        schemaIndex);
  }

  int schemaIndex(int featureId) {
    return schemaIndexByFeatureId[featureId];
  }

  int featureCount() {
    return schemaIndexByFeatureId.length;
  }
}
