package dev.concierge.engine.model;

/** Picks the model that serves a customer's decision. */
@FunctionalInterface
public interface ModelChooser {
  ActiveModel.Served choose(String customerId);
}
