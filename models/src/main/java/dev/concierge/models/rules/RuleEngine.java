package dev.concierge.models.rules;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.PurchaseHistory;
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
 *   <li>diversity: the other positions fill in score order under the per-category cap, see
 *       {@link DiversityFill}.
 * </ol>
 *
 * <p>The answer is deterministic (equal scores go by item id) and holds each item once. It runs once
 * per decision over a few hundred candidates: one hash lookup per rule per candidate, and a sort of
 * only as many as the answer reads (see {@link Ranking}); no streams.
 */
public final class RuleEngine {

  private static final int NO_FREE_SLOT = -1;

  // on a shared position the better score keeps it
  private static final Comparator<Contender> PIN_ORDER =
      Comparator.comparingInt((Contender contender) -> contender.pin).thenComparing(Contender.BEST_FIRST);

  private RuleEngine() {}

  /** The at most {@code limit} candidates the rules let through, in answer order. */
  public static List<RankedCandidate> apply(
      List<ScoredCandidate> candidates, PurchaseHistory history, BusinessRules rules, int limit) {
    return applyToDistinct(distinct(candidates), history, rules, limit);
  }

  /**
   * {@link #apply} for candidates that hold each item once, as the recommender's do: no pass to find
   * repeats.
   */
  public static List<RankedCandidate> applyToDistinct(
      List<ScoredCandidate> candidates, PurchaseHistory history, BusinessRules rules, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    List<Contender> eligible = eligible(candidates, history, rules);
    Contender[] slots = new Contender[Math.min(limit, eligible.size())];
    placePins(eligible, slots, limit);
    DiversityFill.fill(new Ranking(eligible, slots.length), slots, rules.diversity());
    List<RankedCandidate> answer = new ArrayList<>(slots.length);
    for (Contender contender : slots) {
      answer.add(contender.toRanked());
    }
    return answer;
  }

  /** Each item once: a repeated item keeps its best score. */
  private static List<ScoredCandidate> distinct(List<ScoredCandidate> candidates) {
    Map<String, ScoredCandidate> unique = new HashMap<>(candidates.size() * 2);
    for (ScoredCandidate candidate : candidates) {
      ScoredCandidate seen = unique.putIfAbsent(candidate.item().itemId(), candidate);
      if (seen != null && candidate.score() > seen.score()) {
        unique.put(candidate.item().itemId(), candidate);
      }
    }
    return new ArrayList<>(unique.values());
  }

  /** The candidates no exclusion removes, boosted. */
  private static List<Contender> eligible(
      List<ScoredCandidate> candidates, PurchaseHistory history, BusinessRules rules) {
    List<Contender> eligible = new ArrayList<>(candidates.size());
    for (ScoredCandidate candidate : candidates) {
      if (!isExcluded(candidate, history, rules)) {
        eligible.add(contender(candidate, rules));
      }
    }
    return eligible;
  }

  private static boolean isExcluded(ScoredCandidate candidate, PurchaseHistory history, BusinessRules rules) {
    CatalogItem item = candidate.item();
    if (rules.excludedItems().contains(item.itemId()) || (rules.excludeOutOfStock() && !item.inStock())) {
      return true;
    }
    return switch (rules.purchasedPolicyFor(item.category())) {
      case KEEP -> false;
      case EXCLUDE_ITEM -> history.hasPurchased(item.itemId(), candidate.code());
      // the item itself too, even if the history files it under a category it has since left
      case EXCLUDE_CATEGORY ->
          history.hasPurchasedIn(item.category()) || history.hasPurchased(item.itemId(), candidate.code());
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

  private static void placePins(List<Contender> eligible, Contender[] slots, int limit) {
    List<Contender> pinned = new ArrayList<>();
    for (Contender contender : eligible) {
      if (contender.pin != Contender.NOT_PINNED && contender.pin <= limit) {
        pinned.add(contender);
      }
    }
    pinned.sort(PIN_ORDER);
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
}
