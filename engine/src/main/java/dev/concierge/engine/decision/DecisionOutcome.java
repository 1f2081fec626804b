package dev.concierge.engine.decision;

import dev.concierge.models.RankedItem;
import java.util.List;

/**
 * The answer to one decision request.
 *
 * @param experiment the A/B experiment the customer is in, or {@code null}
 * @param arm        the customer's arm of it, or {@code null}
 * @param fallback true when the customer's actor did not answer in time and the items are the
 *     catalog's popular ones, not personalised
 * @param traceId the trace the decision was made in, or {@code null} when tracing is off
 */
public record DecisionOutcome(
    String decisionId,
    String customerId,
    String modelVersion,
    String experiment,
    String arm,
    boolean fallback,
    List<RankedItem> items,
    String traceId) {

  public DecisionOutcome {
    items = List.copyOf(items);
  }
}
