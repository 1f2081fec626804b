package dev.concierge.api;

import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.rules.RuleOverrides;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * Answers decision requests. The stage never fails (degraded answers are flagged fallback). {@code answer}
 * turns the outcome into the response inside the decider's own task on the system's dispatcher, so the
 * route needs no continuation, and no hand-off, of its own.
 */
@FunctionalInterface
public interface Decider {
  CompletionStage<HttpResponse> decide(
      DecisionQuery query, RuleOverrides rules, Function<DecisionOutcome, HttpResponse> answer);
}
