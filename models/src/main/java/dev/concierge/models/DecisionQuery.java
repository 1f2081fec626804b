package dev.concierge.models;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a storefront asks for.
 *
 * @param contextItemId the item on the current page, never recommended back, or {@code null}
 * @param candidates    items to rank instead of generated candidates; empty means generate them
 * @param exclude       items that must not appear in the answer
 */
public record DecisionQuery(
    String customerId, int limit, String contextItemId, List<String> candidates, Set<String> exclude) {

  public DecisionQuery {
    Objects.requireNonNull(customerId, "customerId");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
  }
}
