package dev.concierge.engine.model;

import dev.concierge.models.recommend.ModelAssignment;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Publishing, listing and activating model bundles, and running A/B experiments between them. */
public interface ModelAdmin {

  CompletionStage<BundleSummary> publish(byte[] archive);

  CompletionStage<ModelRegistry.ModelsReport> list();

  CompletionStage<ModelAssignment> activate(String version);

  /** Sets the experiment's arms (version to weight > 0); no arms ends it. */
  CompletionStage<ModelAssignment> putExperiment(String name, Map<String, Double> arms);

  /** The assignment this node serves now. */
  ModelAssignment assignment();
}
