package dev.concierge.models;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Shared building blocks for the model tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  static final Duration HALF_LIFE = Duration.ofHours(1);
  static final int RECENT_ITEMS_LIMIT = 5;
  static final int PURCHASED_ITEMS_LIMIT = 10;

  private Fixtures() {}

  /** A 1-hour half-life, limits 5 (recent) / 10 (purchased), weights view 1, click 2, add_to_cart 4, purchase 8. */
  static FeatureSettings settings() {
    return new FeatureSettings(HALF_LIFE, RECENT_ITEMS_LIMIT, PURCHASED_ITEMS_LIMIT, weights());
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

  static Instant hoursAfterT0(double hours) {
    return T0.plusMillis(Math.round(hours * 3_600_000));
  }

  /** An event of customer {@code c-1}; the id is derived from its content, so equal events get equal ids. */
  static CustomerEvent event(EventType type, String itemId, Instant at) {
    return CustomerEvent.of(type.wireName() + ":" + itemId + "@" + at, "c-1", type, itemId, at);
  }

  static CustomerEvent view(String itemId, Instant at) {
    return event(EventType.VIEW, itemId, at);
  }

  static CustomerEvent purchase(String itemId, Instant at) {
    return event(EventType.PURCHASE, itemId, at);
  }

  static CatalogItem item(String itemId, String category, double popularity) {
    return new CatalogItem(itemId, category, 10.0, true, itemId, popularity);
  }

  static CatalogItem outOfStock(String itemId, String category, double popularity) {
    return new CatalogItem(itemId, category, 10.0, false, itemId, popularity);
  }
}
