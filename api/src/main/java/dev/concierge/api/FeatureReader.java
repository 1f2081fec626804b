package dev.concierge.api;

import dev.concierge.models.CustomerFeatures;
import java.util.concurrent.CompletionStage;

/** Reads a customer's live features; the stage fails when the customer's actor does not answer. */
@FunctionalInterface
public interface FeatureReader {
  CompletionStage<CustomerFeatures> features(String customerId);
}
