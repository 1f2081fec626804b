package dev.concierge.models;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of event on the wire: the four shopper interactions the engine learns from, and
 * {@link #MERGE}, which is no interaction: an anonymous shopper who logged in, whose history the known
 * customer takes over ({@link CustomerEvent#merge}). A merge has no item, never counts as an event of
 * the features, never weighs interest and never becomes a training row.
 */
public enum EventType {
  VIEW("view"),
  CLICK("click"),
  ADD_TO_CART("add_to_cart"),
  PURCHASE("purchase"),
  /** The customer takes over the history of {@link CustomerEvent#fromCustomerId()}. */
  MERGE("merge");

  private static final EventType[] VALUES = values();
  private static final List<EventType> INTERACTIONS = List.of(VIEW, CLICK, ADD_TO_CART, PURCHASE);

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether it is a shopper's interaction with an item: every type but {@link #MERGE}. */
  public boolean isInteraction() {
    return this != MERGE;
  }

  /** The interactions, in declaration order: what features count, weigh and train on. */
  public static List<EventType> interactions() {
    return INTERACTIONS;
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
