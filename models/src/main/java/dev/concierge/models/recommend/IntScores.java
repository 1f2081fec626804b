package dev.concierge.models.recommend;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Scores keyed by item code, summed per key: a small open-addressing map with no boxing, made once
 * per decision. Remembers the key that added the most to each entry, for the reasons.
 */
final class IntScores {

  private static final int FREE = -1;
  private static final int MIN_CAPACITY = 16;

  private int[] keys;
  private float[] values;
  private int[] strongestSources;
  private float[] strongestContributions;
  private int size;

  IntScores(int expected) {
    int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expected * 2) - 1) << 1;
    keys = new int[capacity];
    Arrays.fill(keys, FREE);
    values = new float[capacity];
    strongestSources = new int[capacity];
    strongestContributions = new float[capacity];
  }

  void add(int key, float value, int source) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int slot = slotOf(key);
    if (keys[slot] == FREE) {
      keys[slot] = key;
      size++;
    }
    values[slot] += value;
    if (value > strongestContributions[slot]) {
      strongestContributions[slot] = value;
      strongestSources[slot] = source;
    }
  }

  boolean contains(int key) {
    return keys[slotOf(key)] != FREE;
  }

  float get(int key) {
    int slot = slotOf(key);
    return keys[slot] == FREE ? 0 : values[slot];
  }

  /** The source that added the most to {@code key}, or -1. */
  int strongestSource(int key) {
    int slot = slotOf(key);
    return keys[slot] == FREE ? FREE : strongestSources[slot];
  }

  /** Calls {@code each} with every key held. */
  void forEachKey(IntConsumer each) {
    for (int key : keys) {
      if (key != FREE) {
        each.accept(key);
      }
    }
  }

  /**
   * Calls {@code each} with the {@code most} keys of the highest scores, highest first (equal scores
   * by the lower key), in one sort of the entries held: a few hundred on a decision's path.
   */
  void forEachTop(int most, IntConsumer each) {
    long[] byScore = new long[size];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != FREE) {
        // scores are never negative, so their float bits order as ints do; the complement puts the
        // highest first in an ascending sort, and the key below breaks ties the same way every time
        byScore[n++] = (long) ~Float.floatToIntBits(values[slot]) << Integer.SIZE | (keys[slot] & 0xFFFF_FFFFL);
      }
    }
    Arrays.sort(byScore, 0, n);
    for (int i = 0; i < n && i < most; i++) {
      each.accept((int) byScore[i]);
    }
  }

  private int slotOf(int key) {
    int mask = keys.length - 1;
    int slot = (key * 0x9E3779B9) >>> 1 & mask;
    while (keys[slot] != FREE && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldKeys = keys;
    float[] oldValues = values;
    int[] oldSources = strongestSources;
    float[] oldContributions = strongestContributions;
    keys = new int[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    values = new float[keys.length];
    strongestSources = new int[keys.length];
    strongestContributions = new float[keys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int slot = slotOf(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
        strongestSources[slot] = oldSources[i];
        strongestContributions[slot] = oldContributions[i];
        size++;
      }
    }
  }
}
