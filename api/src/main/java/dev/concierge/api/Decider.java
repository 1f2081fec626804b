package dev.concierge.api;

import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.rules.RuleOverrides;
import java.util.concurrent.CompletionStage;

/**
 * Answers decision requests. The stage never fails (degraded answers are flagged fallback), and it
 * completes on a dispatcher thread, never on the scheduler's: a caller may go on with it without an
 * executor of its own.
 */
@FunctionalInterface
public interface Decider {
  CompletionStage<DecisionOutcome> decide(DecisionQuery query, RuleOverrides rules);
}
