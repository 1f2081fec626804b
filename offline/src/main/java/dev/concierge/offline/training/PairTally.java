package dev.concierge.offline.training;

import java.util.Arrays;

/**
 * Sums keyed by a pair of ints, without boxing: an open-addressing map from (first, second) to a
 * float, for co-occurrence counts and customer-item weights, which run into millions of pairs.
 */
final class PairTally {

  /** Receives one pair and its sum. */
  @FunctionalInterface
  interface PairConsumer {
    void accept(int first, int second, float sum);
  }

  private static final long FREE = -1L;
  private static final int INITIAL_CAPACITY = 1 << 12;

  private long[] keys = new long[INITIAL_CAPACITY];
  private float[] sums = new float[INITIAL_CAPACITY];
  private int size;

  PairTally() {
    Arrays.fill(keys, FREE);
  }

  /** @param first and {@code second}: non-negative */
  void add(int first, int second, float amount) {
    if (size * 2 >= keys.length) {
      grow();
    }
    long key = (long) first << Integer.SIZE | second;
    int slot = slotOf(key);
    if (keys[slot] == FREE) {
      keys[slot] = key;
      size++;
    }
    sums[slot] += amount;
  }

  float get(int first, int second) {
    int slot = slotOf((long) first << Integer.SIZE | second);
    return keys[slot] == FREE ? 0 : sums[slot];
  }

  int size() {
    return size;
  }

  void forEach(PairConsumer each) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != FREE) {
        each.accept((int) (keys[i] >>> Integer.SIZE), (int) keys[i], sums[i]);
      }
    }
  }

  private int slotOf(long key) {
    int mask = keys.length - 1;
    int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
    while (keys[slot] != FREE && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    float[] oldSums = sums;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    sums = new float[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int slot = slotOf(oldKeys[i]);
        keys[slot] = oldKeys[i];
        sums[slot] = oldSums[i];
      }
    }
  }
}
