package dev.concierge.models;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One shopper interaction, as it arrives on {@code customer-events} or {@code POST /v1/events}.
 *
 * @param price    unit price paid or shown, or {@code null} when the producer did not send one
 * @param quantity number of units, 1 unless the producer said otherwise
 * @param sessionId the storefront's session, or {@code null}
 * @param context  free-form producer context, flattened to strings
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
    Map<String, String> context) {

  public CustomerEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(timestamp, "timestamp");
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  /** The required fields only; convenient for producers and tests. */
  public static CustomerEvent of(
      String eventId, String customerId, EventType type, String itemId, Instant timestamp) {
    return new CustomerEvent(eventId, customerId, type, itemId, timestamp, null, 1, null, Map.of());
  }
}
