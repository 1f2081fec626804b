package dev.concierge.engine.model;

import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.persistence.serialization.KryoSerializable;

/**
 * The model assignment under the generation that the operator's change gave it. Generations order
 * installs: a node never replaces an assignment with one of a lower generation, however late that one
 * arrives or however slowly its bundles load. Stored with the assignment, and the value of the
 * Distributed Data register that carries it to every node.
 *
 * @param number 0 before anything was ever activated, then one more with every change
 */
public record AssignmentGeneration(long number, ModelAssignment assignment) implements KryoSerializable {

  /** What a cluster serves before any activation: the built-in heuristic. */
  public static final AssignmentGeneration NONE = new AssignmentGeneration(0, ModelAssignment.NONE);

  /** {@code changed} as the generation after this one. */
  public AssignmentGeneration next(ModelAssignment changed) {
    return new AssignmentGeneration(number + 1, changed);
  }

  public boolean isNewerThan(AssignmentGeneration other) {
    return number > other.number;
  }

  @Override
  public String toString() {
    return "generation " + number + " " + assignment;
  }
}
