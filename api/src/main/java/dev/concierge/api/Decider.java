package dev.concierge.api;

import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.rules.RuleOverrides;
import java.util.concurrent.CompletionStage;

/** Answers decision requests; the stage never fails (degraded answers are flagged fallback). */
@FunctionalInterface
public interface Decider {
  CompletionStage<DecisionOutcome> decide(DecisionQuery query, RuleOverrides rules);
}
