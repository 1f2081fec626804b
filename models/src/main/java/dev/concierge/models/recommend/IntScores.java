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
   * by the lower key). One pass keeps the best so far in order, which for the few candidates a decision
   * takes from a few hundred entries costs less than sorting them all.
   */
  void forEachTop(int most, IntConsumer each) {
    int[] bestKeys = new int[Math.min(most, size)];
    float[] bestValues = new float[bestKeys.length];
    int held = 0;
    for (int slot = 0; slot < keys.length && bestKeys.length > 0; slot++) {
      int key = keys[slot];
      if (key == FREE) {
        continue;
      }
      float value = values[slot];
      if (held == bestKeys.length && !ranksAbove(value, key, bestValues[held - 1], bestKeys[held - 1])) {
        continue;
      }
      int at = held == bestKeys.length ? held - 1 : held++;
      while (at > 0 && ranksAbove(value, key, bestValues[at - 1], bestKeys[at - 1])) {
        bestKeys[at] = bestKeys[at - 1];
        bestValues[at] = bestValues[at - 1];
        at--;
      }
      bestKeys[at] = key;
      bestValues[at] = value;
    }
    for (int i = 0; i < held; i++) {
      each.accept(bestKeys[i]);
    }
  }

  private static boolean ranksAbove(float value, int key, float otherValue, int otherKey) {
    return value > otherValue || value == otherValue && key < otherKey;
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
