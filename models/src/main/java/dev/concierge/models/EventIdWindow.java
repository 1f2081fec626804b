package dev.concierge.models;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent event ids a customer has seen, for dedupe of at-least-once delivery. It keeps a
 * 64-bit key of each id rather than the id, in a fixed ring: a few hundred bytes per customer, and a
 * false duplicate needs a 64-bit collision within one customer's window. Once full, the oldest key
 * is forgotten. Mutable and confined to its owner (the customer actor).
 */
public final class EventIdWindow {

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long[] keys;
  private int next;
  private int size;

  public EventIdWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.keys = new long[capacity];
  }

  /** A window holding {@code keys} (oldest first), keeping only the newest {@code capacity}. */
  public static EventIdWindow of(int capacity, List<Long> keys) {
    EventIdWindow window = new EventIdWindow(capacity);
    keys.forEach(window::addKey);
    return window;
  }

  /** The 64-bit key of an event id (FNV-1a over its chars): stable across processes and versions. */
  public static long keyOf(String eventId) {
    long hash = FNV_OFFSET_BASIS;
    for (int i = 0; i < eventId.length(); i++) {
      hash ^= eventId.charAt(i);
      hash *= FNV_PRIME;
    }
    return hash;
  }

  public boolean contains(String eventId) {
    long key = keyOf(eventId);
    for (int i = 0; i < size; i++) {
      if (keys[i] == key) {
        return true;
      }
    }
    return false;
  }

  public void add(String eventId) {
    if (!contains(eventId)) {
      addKey(keyOf(eventId));
    }
  }

  private void addKey(long key) {
    keys[next] = key;
    next = (next + 1) % keys.length;
    size = Math.min(size + 1, keys.length);
  }

  /** The remembered keys, oldest first. */
  public List<Long> keys() {
    List<Long> ordered = new ArrayList<>(size);
    int oldest = size < keys.length ? 0 : next;
    for (int i = 0; i < size; i++) {
      ordered.add(keys[(oldest + i) % keys.length]);
    }
    return List.copyOf(ordered);
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return keys.length;
  }
}
