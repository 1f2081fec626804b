package dev.concierge.models.rules;

import dev.concierge.models.CatalogItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link BusinessRules} to scored candidates, in this order:
 *
 * <ol>
 *   <li>exclusions: the excluded items, out-of-stock items when so configured, and bought items or
 *       categories as the purchased policy says. Exclusions beat every other rule;
 *   <li>boosts: the score is multiplied by the item's factor and by its category's factor;
 *   <li>pins: a pinned, in-stock item takes its position whatever its score. Two pins on one position
 *       go best score first, the other to the nearest free position after it (before it when the answer
 *       ends, and unpinned when none is free); a pin past the end of a shorter answer lands last; a
 *       pin past the limit is no pin;
 *   <li>diversity: the other positions fill in score order, skipping an item whose category already
 *       has the maximum within the window (pins count, but are never moved). Skipped items come back
 *       after the window; when only capped categories are left, the cap gives way rather than shorten
 *       the answer.
 * </ol>
 *
 * <p>The answer is deterministic (equal scores go by item id) and holds each item once. It runs once
 * per decision over a few hundred candidates: linear apart from one sort, and without streams.
 */
public final class RuleEngine {

  private static final Comparator<Contender> BEST_FIRST =
      (a, b) -> {
        int byScore = Double.compare(b.finalScore, a.finalScore);
        return byScore != 0 ? byScore : a.itemId().compareTo(b.itemId());
      };

  private static final int NOT_PINNED = 0;
  private static final int NO_FREE_SLOT = -1;

  private RuleEngine() {}

  /** The at most {@code limit} candidates the rules let through, best first. */
  public static List<RankedCandidate> apply(
      List<ScoredCandidate> candidates, PurchaseHistory history, BusinessRules rules, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    List<Contender> ranked = eligible(candidates, history, rules);
    ranked.sort(BEST_FIRST);
    Contender[] slots = new Contender[Math.min(limit, ranked.size())];
    placePins(ranked, slots, limit);
    fillInScoreOrder(ranked, slots, rules.diversity());
    List<RankedCandidate> answer = new ArrayList<>(slots.length);
    for (Contender contender : slots) {
      answer.add(contender.toRanked());
    }
    return answer;
  }

  /** The candidates no exclusion removes, once each (a repeated item keeps its best score), boosted. */
  private static List<Contender> eligible(
      List<ScoredCandidate> candidates, PurchaseHistory history, BusinessRules rules) {
    Map<String, ScoredCandidate> unique = new HashMap<>(candidates.size() * 2);
    for (ScoredCandidate candidate : candidates) {
      ScoredCandidate seen = unique.putIfAbsent(candidate.item().itemId(), candidate);
      if (seen != null && candidate.score() > seen.score()) {
        unique.put(candidate.item().itemId(), candidate);
      }
    }
    List<Contender> eligible = new ArrayList<>(unique.size());
    for (ScoredCandidate candidate : unique.values()) {
      if (!isExcluded(candidate.item(), history, rules)) {
        eligible.add(contender(candidate, rules));
      }
    }
    return eligible;
  }

  private static boolean isExcluded(CatalogItem item, PurchaseHistory history, BusinessRules rules) {
    if (rules.excludedItems().contains(item.itemId()) || (rules.excludeOutOfStock() && !item.inStock())) {
      return true;
    }
    return switch (rules.purchasedPolicyFor(item.category())) {
      case KEEP -> false;
      case EXCLUDE_ITEM -> history.hasPurchased(item.itemId());
      // the item itself too, even if the history files it under a category it has since left
      case EXCLUDE_CATEGORY -> history.hasPurchasedIn(item.category()) || history.hasPurchased(item.itemId());
    };
  }

  private static Contender contender(ScoredCandidate candidate, BusinessRules rules) {
    CatalogItem item = candidate.item();
    Contender contender = new Contender(candidate);
    Double itemFactor = rules.itemBoosts().get(item.itemId());
    if (itemFactor != null) {
      contender.boost(itemFactor, "item");
    }
    Double categoryFactor = rules.categoryBoosts().get(item.category());
    if (categoryFactor != null) {
      contender.boost(categoryFactor, "category " + item.category());
    }
    Integer pin = rules.pins().get(item.itemId());
    if (pin != null) {
      if (item.inStock()) {
        contender.pin = pin;
      } else {
        // shown by score when out-of-stock items are allowed, but never forced onto a shopper
        contender.note("not pinned: out of stock");
      }
    }
    return contender;
  }

  private static void placePins(List<Contender> ranked, Contender[] slots, int limit) {
    List<Contender> pinned = new ArrayList<>();
    for (Contender contender : ranked) {
      if (contender.pin != NOT_PINNED && contender.pin <= limit) {
        pinned.add(contender);
      }
    }
    // stable: on a shared position the better score keeps it
    pinned.sort(Comparator.comparingInt((Contender contender) -> contender.pin));
    for (Contender contender : pinned) {
      int slot = freeSlotNear(slots, Math.min(contender.pin, slots.length) - 1);
      if (slot == NO_FREE_SLOT) {
        contender.note("not pinned: more pins than positions");
        continue;
      }
      slots[slot] = contender;
      contender.placed = true;
      int position = slot + 1;
      contender.note(
          position == contender.pin
              ? "pinned at " + position
              : "pinned at " + position + " (asked for " + contender.pin + ")");
    }
  }

  /** The first free slot from {@code wanted} on, or else the last free one before it. */
  private static int freeSlotNear(Contender[] slots, int wanted) {
    for (int slot = wanted; slot < slots.length; slot++) {
      if (slots[slot] == null) {
        return slot;
      }
    }
    for (int slot = wanted - 1; slot >= 0; slot--) {
      if (slots[slot] == null) {
        return slot;
      }
    }
    return NO_FREE_SLOT;
  }

  private static void fillInScoreOrder(List<Contender> ranked, Contender[] slots, Diversity diversity) {
    int window = diversity.isCapped() ? diversity.window(slots.length) : 0;
    CategoryCap cap = new CategoryCap(diversity.maxPerCategory(), window, ranked.size());
    for (int slot = 0; slot < window; slot++) {
      if (slots[slot] != null) {
        cap.count(slots[slot]);
      }
    }
    int next = 0;
    for (int slot = 0; slot < slots.length; slot++) {
      if (slots[slot] != null) {
        continue;
      }
      Contender chosen;
      if (slot < window) {
        while (next < ranked.size() && (ranked.get(next).placed || !cap.allows(ranked.get(next)))) {
          if (!ranked.get(next).placed) {
            cap.holdBack(next);
          }
          next++;
        }
        chosen = next < ranked.size() ? ranked.get(next++) : cap.relax(ranked);
        cap.count(chosen);
      } else {
        while (next < ranked.size() && ranked.get(next).placed) {
          next++;
        }
        chosen = cap.hasHeldBackBefore(next) ? cap.releaseHeldBack(ranked) : ranked.get(next++);
      }
      slots[slot] = chosen;
      chosen.placed = true;
    }
  }

  /**
   * Counts categories within the diversity window and keeps, in score order, the items the cap held
   * back, so they can come back after the window or when the cap must give way.
   */
  private static final class CategoryCap {
    private final int maxPerCategory;
    private final int window;
    private final Map<String, Integer> counts = new HashMap<>();
    private final int[] heldBack;
    private int heldBackHead;
    private int heldBackTail;

    CategoryCap(int maxPerCategory, int window, int candidates) {
      this.maxPerCategory = maxPerCategory;
      this.window = window;
      this.heldBack = window == 0 ? new int[0] : new int[candidates];
    }

    boolean allows(Contender contender) {
      return counts.getOrDefault(contender.category(), 0) < maxPerCategory;
    }

    void count(Contender contender) {
      counts.merge(contender.category(), 1, Integer::sum);
    }

    void holdBack(int rank) {
      heldBack[heldBackTail++] = rank;
    }

    /** Whether a held-back item outranks the candidate at {@code rank}: both queues are in score order. */
    boolean hasHeldBackBefore(int rank) {
      return heldBackHead < heldBackTail && heldBack[heldBackHead] < rank;
    }

    Contender releaseHeldBack(List<Contender> ranked) {
      Contender released = ranked.get(heldBack[heldBackHead++]);
      released.note(
          "held below the top " + window + " by diversity (at most " + maxPerCategory + " per category)");
      return released;
    }

    Contender relax(List<Contender> ranked) {
      Contender relaxed = ranked.get(heldBack[heldBackHead++]);
      relaxed.note(
          "over the diversity cap (" + maxPerCategory + " per category in the top " + window
              + "): no other category left");
      return relaxed;
    }
  }

  /** A candidate being ranked: its boosted score, pin and notes. */
  private static final class Contender {
    private final ScoredCandidate candidate;
    private double finalScore;
    private int pin = NOT_PINNED;
    private boolean placed;
    private List<String> notes = List.of();

    Contender(ScoredCandidate candidate) {
      this.candidate = candidate;
      this.finalScore = candidate.score();
    }

    String itemId() {
      return candidate.item().itemId();
    }

    String category() {
      return candidate.item().category();
    }

    void boost(double factor, String cause) {
      if (factor == 1) {
        return; // how a request cancels a configured boost
      }
      // dividing a negative score is what moves it up, as multiplying a positive one does
      finalScore = finalScore >= 0 ? finalScore * factor : finalScore / factor;
      note((factor >= 1 ? "boosted x" : "buried x") + factor + " (" + cause + ")");
    }

    void note(String note) {
      if (notes.isEmpty()) {
        notes = new ArrayList<>(2);
      }
      notes.add(note);
    }

    RankedCandidate toRanked() {
      return new RankedCandidate(candidate, finalScore, notes);
    }
  }
}
