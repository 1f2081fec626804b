package dev.concierge.models;

import java.util.Optional;

/** The kinds of shopper interaction the engine learns from, with their names on the wire. */
public enum EventType {
  VIEW("view"),
  CLICK("click"),
  ADD_TO_CART("add_to_cart"),
  PURCHASE("purchase");

  private static final EventType[] VALUES = values();

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWireName(String name) {
    for (EventType type : VALUES) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public static String wireNames() {
    StringBuilder names = new StringBuilder();
    for (EventType type : VALUES) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(type.wireName);
    }
    return names.toString();
  }
}
