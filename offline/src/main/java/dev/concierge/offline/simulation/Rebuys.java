package dev.concierge.offline.simulation;

import java.util.Arrays;

/**
 * The consumables one shopper has bought and when each runs out: the shopper buys it again in a
 * visit after that. Few per shopper, so flat arrays searched from end to end.
 */
final class Rebuys {

  private static final int INITIAL_CAPACITY = 4;
  private static final int NONE = -1;

  private int[] items = new int[INITIAL_CAPACITY];
  private long[] dueSecond = new long[INITIAL_CAPACITY];
  private int size;

  /** The item is due again at {@code second}; a later purchase of it moves the date. */
  void schedule(int item, long second) {
    for (int i = 0; i < size; i++) {
      if (items[i] == item) {
        dueSecond[i] = second;
        return;
      }
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      dueSecond = Arrays.copyOf(dueSecond, size * 2);
    }
    items[size] = item;
    dueSecond[size] = second;
    size++;
  }

  /** The consumable that ran out first by {@code second}, or -1 when none is due. */
  int due(long second) {
    int earliest = NONE;
    for (int i = 0; i < size; i++) {
      if (dueSecond[i] <= second && (earliest == NONE || dueSecond[i] < dueSecond[earliest])) {
        earliest = i;
      }
    }
    return earliest == NONE ? NONE : items[earliest];
  }
}
