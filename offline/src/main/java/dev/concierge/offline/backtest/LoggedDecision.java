package dev.concierge.offline.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decision as the {@code decisions} topic logged it, reduced to what attribution needs.
 *
 * @param experiment the A/B experiment the customer was in, or {@code null} outside experiments
 * @param arm        the experiment's arm (a model version), or {@code null} outside experiments
 * @param items      the item ids shown, in answer order
 */
public record LoggedDecision(
    String decisionId, String customerId, Instant at, String experiment, String arm, List<String> items) {

  public LoggedDecision {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    items = List.copyOf(items);
  }
}
