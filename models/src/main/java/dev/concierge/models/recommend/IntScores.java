package dev.concierge.models.recommend;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Scores keyed by item code, summed per key: a small open-addressing map with no boxing. Remembers the
 * key that added the most to each entry, for the reasons.
 *
 * <p>One is reused decision after decision ({@link #reset}): a slot belongs to the current decision only
 * when its stamp is the current epoch, so emptying it is one increment, not a pass over its arrays, and
 * the arrays are allocated once. Its logical capacity is what a new one sized for the decision would
 * have, so its keys come out in the same order as from a new one.
 */
final class IntScores {

  private static final int FREE = -1;
  private static final int MIN_CAPACITY = 16;

  private int[] keys;
  private float[] values;
  private int[] strongestSources;
  private float[] strongestContributions;
  private int[] stamps;
  private int epoch;
  // the slots in use: a power of two, at most the arrays' length
  private int capacity;
  private int size;
  // what grow() rehashes from, kept for the next time
  private int[] movingKeys = new int[0];
  private float[] movingValues = new float[0];
  private int[] movingSources = new int[0];
  private float[] movingContributions = new float[0];

  IntScores(int expected) {
    reset(expected);
  }

  /** Empties it, with room for {@code expected} keys before it grows, as a new one would have. */
  void reset(int expected) {
    capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expected * 2) - 1) << 1;
    size = 0;
    if (keys == null || keys.length < capacity) {
      allocate(capacity);
    }
    nextEpoch();
  }

  /** Fresh arrays of {@code slots}: every stamp is 0, which no epoch is. */
  private void allocate(int slots) {
    keys = new int[slots];
    values = new float[slots];
    strongestSources = new int[slots];
    strongestContributions = new float[slots];
    stamps = new int[slots];
    epoch = 0;
  }

  private void nextEpoch() {
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      epoch = 1;
    }
  }

  void add(int key, float value, int source) {
    if (size * 2 >= capacity) {
      grow();
    }
    int slot = slotOf(key);
    if (stamps[slot] != epoch) {
      claim(slot, key);
    }
    values[slot] += value;
    if (value > strongestContributions[slot]) {
      strongestContributions[slot] = value;
      strongestSources[slot] = source;
    }
  }

  private void claim(int slot, int key) {
    stamps[slot] = epoch;
    keys[slot] = key;
    values[slot] = 0;
    strongestSources[slot] = 0;
    strongestContributions[slot] = 0;
    size++;
  }

  boolean contains(int key) {
    return stamps[slotOf(key)] == epoch;
  }

  float get(int key) {
    int slot = slotOf(key);
    return stamps[slot] != epoch ? 0 : values[slot];
  }

  /** The source that added the most to {@code key}, or -1. */
  int strongestSource(int key) {
    int slot = slotOf(key);
    return stamps[slot] != epoch ? FREE : strongestSources[slot];
  }

  /** Calls {@code each} with every key held. */
  void forEachKey(IntConsumer each) {
    for (int slot = 0; slot < capacity; slot++) {
      if (stamps[slot] == epoch) {
        each.accept(keys[slot]);
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
    for (int slot = 0; slot < capacity && bestKeys.length > 0; slot++) {
      if (stamps[slot] != epoch) {
        continue;
      }
      int key = keys[slot];
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
    int mask = capacity - 1;
    int slot = (key * 0x9E3779B9) >>> 1 & mask;
    while (stamps[slot] == epoch && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Doubles the capacity and puts every entry where a new table of that size would have it. */
  private void grow() {
    int held = 0;
    if (movingKeys.length < size) {
      movingKeys = new int[capacity];
      movingValues = new float[capacity];
      movingSources = new int[capacity];
      movingContributions = new float[capacity];
    }
    for (int slot = 0; slot < capacity; slot++) {
      if (stamps[slot] == epoch) {
        movingKeys[held] = keys[slot];
        movingValues[held] = values[slot];
        movingSources[held] = strongestSources[slot];
        movingContributions[held] = strongestContributions[slot];
        held++;
      }
    }
    int doubled = capacity * 2;
    if (keys.length < doubled) {
      allocate(doubled);
    }
    capacity = doubled;
    nextEpoch();
    size = 0;
    for (int i = 0; i < held; i++) {
      int slot = slotOf(movingKeys[i]);
      claim(slot, movingKeys[i]);
      values[slot] = movingValues[i];
      strongestSources[slot] = movingSources[i];
      strongestContributions[slot] = movingContributions[i];
    }
  }
}
