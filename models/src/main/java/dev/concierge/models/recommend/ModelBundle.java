package dev.concierge.models.recommend;

import dev.concierge.models.scoring.FeatureSchema;
import java.util.Objects;

/**
 * A versioned, self-describing model: the Tribuo model in Tribuo's protobuf format, the feature
 * schema it was trained on, the candidate tables built from the same history, and metadata. Loading
 * it ({@link ServingModel#load}) refuses a schema the running code does not compute.
 *
 * @param kind  the trainer, e.g. {@code logistic-regression} or {@code gradient-boosted-trees}
 * @param model the Tribuo model's protobuf bytes
 */
public record ModelBundle(
    String version, String kind, FeatureSchema schema, byte[] model, CandidateTables tables, BundleMetadata metadata) {

  public ModelBundle {
    Objects.requireNonNull(version, "version");
    if (!version.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "a bundle version is 1 to 64 letters, digits, '.', '_' or '-', was '" + version + "'");
    }
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(metadata, "metadata");
  }
}
