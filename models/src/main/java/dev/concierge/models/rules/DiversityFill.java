package dev.concierge.models.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * Fills the positions pins left free, in score order, with at most the cap of each category within the
 * diversity window. An item over the cap is held back and returns, in score order, after the window.
 * When the window cannot be filled from other categories, the cap rises one step at a time: the answer
 * stays as varied as the candidates allow and is never shorter than they allow.
 */
final class DiversityFill {

  private final Ranking ranking;
  private final int window;
  private final int configuredCap;
  private int cap;
  private final Map<String, Integer> counts = new HashMap<>();
  // ranks in score order: those still to consider, and those the cap held back
  private int[] pending;
  private int pendingNext;
  private int pendingEnd;
  private int[] heldBack;
  private int heldBackNext;
  private int heldBackEnd;

  private DiversityFill(Ranking ranking, int window, int cap) {
    this.ranking = ranking;
    this.window = window;
    this.configuredCap = cap;
    this.cap = cap;
    this.pending = new int[ranking.size()];
    for (int rank = 0; rank < pending.length; rank++) {
      pending[rank] = rank;
    }
    this.pendingEnd = pending.length;
    this.heldBack = new int[window == 0 ? 0 : ranking.size()];
  }

  /** Fills every empty slot; {@code ranking} holds at least as many unplaced items as there are empty slots. */
  static void fill(Ranking ranking, Contender[] slots, Diversity diversity) {
    int window = diversity.isCapped() ? diversity.window(slots.length) : 0;
    DiversityFill fill = new DiversityFill(ranking, window, diversity.maxPerCategory());
    for (int slot = 0; slot < window; slot++) {
      if (slots[slot] != null) {
        fill.count(slots[slot]); // pins are never moved, but they take up their category's share
      }
    }
    for (int slot = 0; slot < slots.length; slot++) {
      if (slots[slot] == null) {
        Contender chosen = slot < window ? fill.nextWithinWindow() : fill.nextAfterWindow();
        chosen.placed = true;
        slots[slot] = chosen;
      }
    }
  }

  private Contender nextWithinWindow() {
    while (true) {
      while (pendingNext < pendingEnd) {
        int rank = pending[pendingNext++];
        Contender contender = ranking.get(rank);
        if (contender.placed) {
          continue;
        }
        if (counts.getOrDefault(contender.category(), 0) < cap) {
          count(contender);
          if (cap > configuredCap) {
            contender.note(
                "diversity cap raised to " + cap + " per category in the top " + window
                    + ": too few other categories");
          }
          return contender;
        }
        heldBack[heldBackEnd++] = rank;
      }
      raiseCap();
    }
  }

  /** The held-back items become the ones to consider, under a cap one higher. */
  private void raiseCap() {
    if (heldBackNext == heldBackEnd) {
      throw new IllegalStateException("more positions than candidates to fill them");
    }
    cap++;
    int[] considered = pending;
    pending = heldBack;
    pendingNext = heldBackNext;
    pendingEnd = heldBackEnd;
    heldBack = considered;
    heldBackNext = 0;
    heldBackEnd = 0;
  }

  /** The better-ranking of the next pending and the next held-back item. */
  private Contender nextAfterWindow() {
    while (pendingNext < pendingEnd && ranking.get(pending[pendingNext]).placed) {
      pendingNext++;
    }
    boolean heldBackFirst =
        heldBackNext < heldBackEnd && (pendingNext == pendingEnd || heldBack[heldBackNext] < pending[pendingNext]);
    if (!heldBackFirst) {
      return ranking.get(pending[pendingNext++]);
    }
    Contender released = ranking.get(heldBack[heldBackNext++]);
    released.note("held below the top " + window + " by diversity (at most " + cap + " per category)");
    return released;
  }

  private void count(Contender contender) {
    counts.merge(contender.category(), 1, Integer::sum);
  }
}
