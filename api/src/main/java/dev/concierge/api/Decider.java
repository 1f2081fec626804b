package dev.concierge.api;

import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.models.DecisionQuery;
import java.util.concurrent.CompletionStage;

/** Answers decision requests; the stage never fails (degraded answers are flagged fallback). */
@FunctionalInterface
public interface Decider {
  CompletionStage<DecisionOutcome> decide(DecisionQuery query);
}
