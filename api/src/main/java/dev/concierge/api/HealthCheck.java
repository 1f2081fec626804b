package dev.concierge.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Tells whether this node can serve: an empty list means ready, otherwise what is not. */
@FunctionalInterface
public interface HealthCheck {
  CompletionStage<List<String>> problems();
}
