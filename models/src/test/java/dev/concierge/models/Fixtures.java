package dev.concierge.models;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Shared building blocks for the model tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  static final Duration HALF_LIFE = Duration.ofHours(1);
  static final int RECENT_ITEMS_LIMIT = 5;
  static final int PURCHASED_ITEMS_LIMIT = 10;
  static final Duration SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
  static final int AFFINITY_CATEGORIES_LIMIT = 4;
  static final int SESSION_CATEGORIES_LIMIT = 3;

  private Fixtures() {}

  /**
   * A 1-hour half-life, limits 5 (recent) / 10 (purchased), weights view 1, click 2, add_to_cart 4,
   * purchase 8, sessions idle after 30 minutes, 4 affinity categories, 3 session categories.
   */
  static FeatureSettings settings() {
    return settings(weights());
  }

  /** {@link #settings()} with other affinity weights. */
  static FeatureSettings settings(Map<EventType, Double> weights) {
    return new FeatureSettings(
        HALF_LIFE,
        RECENT_ITEMS_LIMIT,
        PURCHASED_ITEMS_LIMIT,
        weights,
        SESSION_IDLE_TIMEOUT,
        AFFINITY_CATEGORIES_LIMIT,
        SESSION_CATEGORIES_LIMIT);
  }

  /** The default-like weights, as a fresh mutable map. */
  static Map<EventType, Double> weights() {
    Map<EventType, Double> weights = new EnumMap<>(EventType.class);
    weights.put(EventType.VIEW, 1.0);
    weights.put(EventType.CLICK, 2.0);
    weights.put(EventType.ADD_TO_CART, 4.0);
    weights.put(EventType.PURCHASE, 8.0);
    return weights;
  }

  /** A vocabulary with plenty of room, as a live node would have. */
  static Vocabulary vocabulary() {
    return new Vocabulary(10_000, 1_000);
  }

  static Instant hoursAfterT0(double hours) {
    return T0.plusMillis(Math.round(hours * 3_600_000));
  }

  static Instant minutesAfterT0(double minutes) {
    return T0.plusMillis(Math.round(minutes * 60_000));
  }

  /** An event of customer {@code c-1}; the id is derived from its content, so equal events get equal ids. */
  static CustomerEvent event(EventType type, String itemId, Instant at) {
    return CustomerEvent.of(type.wireName() + ":" + itemId + "@" + at, "c-1", type, itemId, at);
  }

  /** An event with every optional field: {@code price} and {@code sessionId} may be {@code null}. */
  static CustomerEvent event(
      EventType type, String itemId, Instant at, Double price, int quantity, String sessionId) {
    return new CustomerEvent(
        type.wireName() + ":" + itemId + "@" + at + "/" + sessionId,
        "c-1",
        type,
        itemId,
        at,
        price,
        quantity,
        sessionId,
        Map.of());
  }

  /** An event of the storefront session {@code sessionId}. */
  static CustomerEvent inSession(String sessionId, EventType type, String itemId, Instant at) {
    return event(type, itemId, at, null, 1, sessionId);
  }

  static CustomerEvent view(String itemId, Instant at) {
    return event(EventType.VIEW, itemId, at);
  }

  static CustomerEvent purchase(String itemId, Instant at) {
    return event(EventType.PURCHASE, itemId, at);
  }

  /** A purchase of {@code quantity} units at {@code price} each ({@code null}: the producer sent no price). */
  static CustomerEvent purchase(String itemId, Instant at, Double price, int quantity) {
    return event(EventType.PURCHASE, itemId, at, price, quantity, null);
  }

  /** An event as the customer actor records it: with the item's category then, or {@code null}. */
  static EventRecorded recorded(CustomerEvent event, String category) {
    return new EventRecorded(event, category);
  }

  /** Folds {@code events} into {@code state} through the feature function, as the actor and replay do. */
  static FeatureState fold(
      FeatureState state, List<EventRecorded> events, Vocabulary vocabulary, FeatureSettings settings) {
    for (EventRecorded recorded : events) {
      state.apply(recorded.event(), recorded.category(), vocabulary, settings);
    }
    return state;
  }

  /** Folds {@code events} into a fresh state with the fixture settings. */
  static FeatureState fold(List<EventRecorded> events, Vocabulary vocabulary) {
    FeatureSettings settings = settings();
    return fold(new FeatureState(settings), events, vocabulary, settings);
  }

  static CatalogItem item(String itemId, String category, double popularity) {
    return new CatalogItem(itemId, category, 10.0, true, itemId, popularity);
  }

  static CatalogItem outOfStock(String itemId, String category, double popularity) {
    return new CatalogItem(itemId, category, 10.0, false, itemId, popularity);
  }
}
