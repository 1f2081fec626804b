package dev.concierge.models;

import java.util.Arrays;

/**
 * The items in one customer's lists that have no code in the shared {@link Vocabulary}, which learns
 * only what the catalog and the model bundles hold: ids that no catalog held, with codes of this
 * customer's own (-2, -3, and so on; -1 ends a list). Any client can make up item ids, so they stay
 * with the customer that sent them instead of growing what every customer shares.
 *
 * <p>Bounded however many unknown ids arrive: a code is freed once none of the lists holds it, so
 * there are never more ids than the lists have slots, plus the one being added. A freed code is the
 * only kind that is reused, so no list can come to name another item with a code it holds. Owned,
 * like the lists, by one actor or replay thread.
 */
final class OwnItems {

  private static final int FIRST_CODE = -2;
  private static final int NONE = -1;

  private final int[][] lists;
  private final int capacity;
  // by slot; null where free. Slot s has code FIRST_CODE - s
  private String[] names;
  // scratch for freeing: which slots the lists hold
  private boolean[] held;
  private int vocabularySizeSeen = NONE;

  /** @param lists the customer's item lists, which this reads and, on adoption, rewrites */
  OwnItems(int[]... lists) {
    this.lists = lists;
    int slots = 0;
    for (int[] list : lists) {
      slots += list.length;
    }
    this.capacity = slots + 1;
    // as much as one list holds to start with: most customers have few unknown ids
    this.names = new String[Math.min(capacity, lists[0].length)];
    this.held = new boolean[names.length];
  }

  /** Whether {@code code} is one of a customer's own rather than a shared one or the end of a list. */
  static boolean isOwn(int code) {
    return code <= FIRST_CODE;
  }

  /** This customer's own code for {@code itemId}, or -1 when it has none. */
  int codeOf(String itemId) {
    for (int slot = 0; slot < names.length; slot++) {
      if (itemId.equals(names[slot])) {
        return FIRST_CODE - slot;
      }
    }
    return NONE;
  }

  /** A code of its own for an id it has none for: a free slot's, else one freed from ids no list holds any more. */
  int add(String itemId) {
    int slot = freeSlot();
    if (slot == NONE) {
      freeUnheld();
      slot = freeSlot();
    }
    if (slot == NONE) {
      slot = names.length;
      grow();
    }
    names[slot] = itemId;
    return FIRST_CODE - slot;
  }

  String nameOf(int code) {
    return names[FIRST_CODE - code];
  }

  /**
   * Swaps in the shared code of every id the vocabulary has learnt since last asked (the catalog took
   * it in), so that it meets the same item among the candidates. The vocabulary only grows, so while
   * its size stays the same there is nothing to do: one read.
   */
  void adoptSharedCodes(Interner items) {
    int size = items.size();
    if (size == vocabularySizeSeen) {
      return;
    }
    // read before looking up: a name learnt meanwhile changes the size again, and is adopted next time
    vocabularySizeSeen = size;
    for (int slot = 0; slot < names.length; slot++) {
      if (names[slot] != null) {
        int shared = items.codeOf(names[slot]);
        if (shared != Interner.UNKNOWN) {
          replace(FIRST_CODE - slot, shared);
          names[slot] = null;
        }
      }
    }
  }

  private int freeSlot() {
    for (int slot = 0; slot < names.length; slot++) {
      if (names[slot] == null) {
        return slot;
      }
    }
    return NONE;
  }

  // there are more slots than the lists hold codes, so when every slot is taken one at least is not held
  private void freeUnheld() {
    Arrays.fill(held, false);
    for (int[] list : lists) {
      for (int i = 0; i < list.length && list[i] != NONE; i++) {
        if (isOwn(list[i])) {
          held[FIRST_CODE - list[i]] = true;
        }
      }
    }
    for (int slot = 0; slot < names.length; slot++) {
      if (!held[slot]) {
        names[slot] = null;
      }
    }
  }

  private void grow() {
    names = Arrays.copyOf(names, Math.min(capacity, names.length * 2));
    held = new boolean[names.length];
  }

  private void replace(int from, int to) {
    for (int[] list : lists) {
      for (int i = 0; i < list.length && list[i] != NONE; i++) {
        if (list[i] == from) {
          list[i] = to;
        }
      }
    }
  }
}
