package dev.concierge.offline.backtest;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A set of non-negative ints by open addressing: a few bytes per member where a {@code HashSet<Integer>}
 * spends some forty, which matters when every shopper of a long history keeps one.
 */
final class IntSet {

  private static final int FREE = -1;
  // 2^32 divided by the golden ratio
  private static final int GOLDEN = 0x9E3779B9;
  private static final int INITIAL_SLOTS = 8;
  // grow when more than this share of the slots is taken, so that probes stay short
  private static final double MAX_LOAD = 0.5;

  private int[] slots = newSlots(INITIAL_SLOTS);
  private int size;

  /** @return whether {@code value} was new */
  boolean add(int value) {
    requireMember(value);
    int slot = slotOf(value, slots);
    if (slots[slot] == value) {
      return false;
    }
    slots[slot] = value;
    size++;
    if (size > slots.length * MAX_LOAD) {
      grow();
    }
    return true;
  }

  boolean contains(int value) {
    return value >= 0 && slots[slotOf(value, slots)] == value;
  }

  int size() {
    return size;
  }

  void forEach(IntConsumer action) {
    for (int value : slots) {
      if (value != FREE) {
        action.accept(value);
      }
    }
  }

  private void grow() {
    int[] larger = newSlots(slots.length * 2);
    for (int value : slots) {
      if (value != FREE) {
        larger[slotOf(value, larger)] = value;
      }
    }
    slots = larger;
  }

  /** The slot holding {@code value}, or the free slot where it would go. */
  private static int slotOf(int value, int[] slots) {
    int mask = slots.length - 1;
    // Fibonacci hashing (the product's top bits) spreads the dense, consecutive codes an interner hands out
    int slot = (value * GOLDEN) >>> (Integer.numberOfLeadingZeros(slots.length) + 1);
    while (slots[slot] != FREE && slots[slot] != value) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int[] newSlots(int count) {
    int[] slots = new int[count];
    Arrays.fill(slots, FREE);
    return slots;
  }

  private static void requireMember(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("members are non-negative, was " + value);
    }
  }
}
