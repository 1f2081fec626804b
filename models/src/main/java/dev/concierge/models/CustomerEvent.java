package dev.concierge.models;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event, as it arrives on {@code customer-events} or {@code POST /v1/events}: a shopper's
 * interaction with an item, or a {@link EventType#MERGE merge}, which says that the customer is the
 * same shopper as {@code fromCustomerId} (an anonymous id that just logged in) and takes over its history.
 * An interaction has an item and no {@code fromCustomerId}; a merge has a {@code fromCustomerId} other
 * than the customer, and no item.
 *
 * @param itemId   the item of an interaction; {@code null} exactly for a merge
 * @param price    unit price paid or shown, or {@code null} when the producer did not send one
 * @param quantity number of units, 1 unless the producer said otherwise
 * @param sessionId the storefront's session, or {@code null}
 * @param context  free-form producer context, flattened to strings
 * @param fromCustomerId the customer whose history a merge hands over; {@code null} for every other type
 */
public record CustomerEvent(
    String eventId,
    String customerId,
    EventType type,
    String itemId,
    Instant timestamp,
    Double price,
    int quantity,
    String sessionId,
    Map<String, String> context,
    String fromCustomerId) {

  public CustomerEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    if (type == EventType.MERGE) {
      Objects.requireNonNull(fromCustomerId, "fromCustomerId");
      if (itemId != null) {
        throw new IllegalArgumentException("a merge has no itemId, was '" + SafeText.of(itemId) + "'");
      }
      if (fromCustomerId.equals(customerId)) {
        throw new IllegalArgumentException("a customer cannot merge itself: fromCustomerId is the customerId");
      }
    } else {
      Objects.requireNonNull(itemId, "itemId");
      if (fromCustomerId != null) {
        throw new IllegalArgumentException("only a merge has a fromCustomerId, not a " + type.wireName());
      }
    }
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  /** An interaction: every type but a merge. */
  public CustomerEvent(
      String eventId, String customerId, EventType type, String itemId, Instant timestamp, Double price, int quantity,
      String sessionId, Map<String, String> context) {
    this(eventId, customerId, type, itemId, timestamp, price, quantity, sessionId, context, null);
  }

  /** The required fields of an interaction only; convenient for producers and tests. */
  public static CustomerEvent of(
      String eventId, String customerId, EventType type, String itemId, Instant timestamp) {
    return new CustomerEvent(eventId, customerId, type, itemId, timestamp, null, 1, null, Map.of());
  }

  /** {@code customerId} takes over the history of {@code fromCustomerId}, as the browser SDK's identify() says. */
  public static CustomerEvent merge(String eventId, String customerId, String fromCustomerId, Instant timestamp) {
    return new CustomerEvent(eventId, customerId, EventType.MERGE, null, timestamp, null, 1, null, Map.of(), fromCustomerId);
  }

  public boolean isMerge() {
    return type == EventType.MERGE;
  }
}
