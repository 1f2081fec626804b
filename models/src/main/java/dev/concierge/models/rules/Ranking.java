package dev.concierge.models.rules;

import java.util.Arrays;
import java.util.List;

/**
 * Contenders best first, put in order only as far as they are read: an answer of 10 from 500
 * candidates needs its best 10 sorted, not all 500 (a full sort costs about four times as much).
 * Reading past the sorted part sorts the next stretch, twice as long as the one before, so reading
 * everything still costs O(n log n).
 */
final class Ranking {

  private final Contender[] contenders;
  private int sortedEnd;
  private int nextStretch;

  /** @param firstStretch how many are expected to be read; more may be */
  Ranking(List<Contender> contenders, int firstStretch) {
    this.contenders = contenders.toArray(new Contender[0]);
    this.nextStretch = Math.max(1, firstStretch);
  }

  int size() {
    return contenders.length;
  }

  /** The contender at {@code rank}, 0 being the best. */
  Contender get(int rank) {
    while (rank >= sortedEnd) {
      int end = Math.min(contenders.length, sortedEnd + nextStretch);
      selectBest(sortedEnd, end);
      Arrays.sort(contenders, sortedEnd, end, Contender.BEST_FIRST);
      sortedEnd = end;
      nextStretch *= 2;
    }
    return contenders[rank];
  }

  /**
   * Moves the best {@code end - from} of the unsorted part to {@code [from, end)}, in any order
   * (quickselect). Keys are distinct, as items are. Should pivots keep splitting badly, the rest is
   * simply sorted, so the cost never turns quadratic.
   */
  private void selectBest(int from, int end) {
    int target = end - 1;
    int lo = from;
    int hi = contenders.length - 1;
    int roundsLeft = 2 * (Integer.SIZE - Integer.numberOfLeadingZeros(contenders.length));
    while (lo < hi) {
      if (roundsLeft-- == 0) {
        Arrays.sort(contenders, lo, hi + 1, Contender.BEST_FIRST);
        return;
      }
      Contender pivot = contenders[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Contender.BEST_FIRST.compare(contenders[i], pivot) < 0) {
          i++;
        }
        while (Contender.BEST_FIRST.compare(contenders[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          Contender swapped = contenders[i];
          contenders[i++] = contenders[j];
          contenders[j--] = swapped;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return; // the target sits between the halves: everything before it is better
      }
    }
  }
}
