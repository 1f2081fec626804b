package dev.concierge.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a customer's snapshot keeps of its delivery triggers, so that a recovery from it neither forgets
 * a pending cart nor fires a rule again within its minimum interval.
 *
 * @param cartActiveAt       the last activity since items were carted and not bought, or {@code null}
 * @param cartItems          the items carted since the last purchase, oldest first
 * @param sessionStartedAt   the session whose category views are counted, or {@code null}
 * @param sessionViews       views per category in that session, in the order first viewed
 * @param reportedCategories categories whose views already fired in that session
 * @param awaitingStock      items carted while out of stock, not yet reported back in stock
 * @param lastFired          when each rule last fired for this customer
 */
public record TriggerMemory(
    Instant cartActiveAt,
    List<String> cartItems,
    Instant sessionStartedAt,
    Map<String, Integer> sessionViews,
    List<String> reportedCategories,
    List<String> awaitingStock,
    Map<TriggerKind, Instant> lastFired) {

  public static final TriggerMemory NONE =
      new TriggerMemory(null, List.of(), null, Map.of(), List.of(), List.of(), Map.of());

  public TriggerMemory {
    cartItems = List.copyOf(cartItems);
    sessionViews = Map.copyOf(sessionViews);
    reportedCategories = List.copyOf(reportedCategories);
    awaitingStock = List.copyOf(awaitingStock);
    lastFired = Map.copyOf(lastFired);
  }
}
