package dev.concierge.models;

import java.util.Optional;

/** The kinds of delivery trigger, with their names in configuration, journals and trigger records. */
public enum TriggerKind {
  CART_ABANDONED("cart-abandoned"),
  CATEGORY_VIEWED("category-viewed"),
  BACK_IN_STOCK("back-in-stock");

  private final String wireName;

  TriggerKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<TriggerKind> fromWireName(String name) {
    for (TriggerKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
