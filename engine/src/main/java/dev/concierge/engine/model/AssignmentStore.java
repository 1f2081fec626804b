package dev.concierge.engine.model;

import dev.concierge.models.recommend.ModelAssignment;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** Where the model assignment outlives the cluster: every node installs the stored one when it starts. */
public interface AssignmentStore {

  /** The stored assignment, {@link AssignmentGeneration#NONE} when nothing was ever activated. */
  CompletionStage<AssignmentGeneration> current();

  /**
   * Stores {@code change} of the stored assignment as the next generation. Changes made at once on
   * several nodes are applied one after the other, each to the result of the one before.
   */
  CompletionStage<AssignmentGeneration> change(UnaryOperator<ModelAssignment> change);
}
