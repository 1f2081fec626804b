package dev.concierge.models;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The most recent event ids a customer has seen, for dedupe of at-least-once delivery. Bounded:
 * once full, the oldest id is forgotten. Mutable and confined to its owner (the customer actor);
 * {@link #ids()} gives an immutable copy for snapshots.
 */
public final class EventIdWindow {

  private final int capacity;
  private final ArrayDeque<String> order;
  private final Set<String> members;

  public EventIdWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.order = new ArrayDeque<>(capacity);
    this.members = new HashSet<>(capacity * 2);
  }

  /** A window holding {@code ids} (oldest first), keeping only the newest {@code capacity}. */
  public static EventIdWindow of(int capacity, List<String> ids) {
    EventIdWindow window = new EventIdWindow(capacity);
    ids.forEach(window::add);
    return window;
  }

  public boolean contains(String eventId) {
    return members.contains(eventId);
  }

  public void add(String eventId) {
    if (!members.add(eventId)) {
      return;
    }
    order.addLast(eventId);
    if (order.size() > capacity) {
      members.remove(order.removeFirst());
    }
  }

  /** The remembered ids, oldest first. */
  public List<String> ids() {
    return List.copyOf(new ArrayList<>(order));
  }

  public int size() {
    return order.size();
  }

  public int capacity() {
    return capacity;
  }
}
