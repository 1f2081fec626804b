package dev.concierge.models.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.PurchaseHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

  /** Shoes score best, then tents, then socks; within a category the number orders them. */
  private static final List<ScoredCandidate> CANDIDATES =
      List.of(
          candidate("s1", "shoes", 0.95),
          candidate("s2", "shoes", 0.90),
          candidate("s3", "shoes", 0.85),
          candidate("s4", "shoes", 0.80),
          candidate("t1", "tents", 0.70),
          candidate("t2", "tents", 0.65),
          candidate("k1", "socks", 0.50),
          candidate("k2", "socks", 0.45));

  private static final int ALL = 100;

  private static ScoredCandidate candidate(String itemId, String category, double score) {
    return new ScoredCandidate(new CatalogItem(itemId, category, 10.0, true, itemId, 0), score);
  }

  private static ScoredCandidate outOfStock(String itemId, String category, double score) {
    return new ScoredCandidate(new CatalogItem(itemId, category, 10.0, false, itemId, 0), score);
  }

  private static List<ScoredCandidate> with(ScoredCandidate... more) {
    List<ScoredCandidate> candidates = new ArrayList<>(CANDIDATES);
    Collections.addAll(candidates, more);
    return candidates;
  }

  private static List<String> ids(List<RankedCandidate> ranked) {
    return ranked.stream().map(RankedCandidate::itemId).toList();
  }

  private static RankedCandidate find(List<RankedCandidate> ranked, String itemId) {
    return ranked.stream().filter(r -> r.itemId().equals(itemId)).findFirst().orElseThrow();
  }

  private static List<RankedCandidate> rank(BusinessRules rules, int limit) {
    return RuleEngine.apply(CANDIDATES, PurchaseHistory.NONE, rules, limit);
  }

  private static BusinessRules rules(RuleOverrides overrides) {
    return BusinessRules.DEFAULT.withOverrides(overrides);
  }

  /** A shopper who bought these items, filed under these categories. */
  private record Bought(Set<String> items, Set<String> categories) implements PurchaseHistory {
    @Override
    public boolean hasPurchased(String itemId) {
      return items.contains(itemId);
    }

    @Override
    public boolean hasPurchasedIn(String category) {
      return categories.contains(category);
    }
  }

  private static RuleOverrides purchased(PurchasedPolicy policy, Map<String, PurchasedPolicy> byCategory) {
    return new RuleOverrides(policy, byCategory, null, null, null, null, null, null, null);
  }

  private static RuleOverrides boosts(Map<String, Double> items, Map<String, Double> categories) {
    return new RuleOverrides(null, null, null, null, items, categories, null, null, null);
  }

  private static RuleOverrides pins(Map<String, Integer> pins) {
    return new RuleOverrides(null, null, null, null, null, null, pins, null, null);
  }

  private static RuleOverrides diversity(int maxPerCategory, int withinTop) {
    return new RuleOverrides(null, null, null, null, null, null, null, maxPerCategory, withinTop);
  }

  @Nested
  class PurchasedItems {

    private final PurchaseHistory boughtS1T1K1 =
        new Bought(Set.of("s1", "t1", "k1"), Set.of("shoes", "tents", "socks"));

    @Test
    void byDefaultABoughtItemIsLeftOutButTheRestOfItsCategoryStays() {
      List<RankedCandidate> ranked = RuleEngine.apply(CANDIDATES, boughtS1T1K1, BusinessRules.DEFAULT, ALL);

      assertEquals(List.of("s2", "s3", "s4", "t2", "k2"), ids(ranked));
    }

    @Test
    void keepShowsBoughtItemsAgain() {
      BusinessRules keep = rules(purchased(PurchasedPolicy.KEEP, null));

      List<RankedCandidate> ranked = RuleEngine.apply(CANDIDATES, boughtS1T1K1, keep, ALL);

      assertEquals(ids(rank(BusinessRules.DEFAULT, ALL)), ids(ranked));
    }

    @Test
    void excludeCategoryLeavesOutEverythingOfACategoryOnceOneItemIsBought() {
      BusinessRules closeCategory = rules(purchased(PurchasedPolicy.EXCLUDE_CATEGORY, null));
      PurchaseHistory boughtATent = new Bought(Set.of("t1"), Set.of("tents"));

      List<RankedCandidate> ranked = RuleEngine.apply(CANDIDATES, boughtATent, closeCategory, ALL);

      assertEquals(List.of("s1", "s2", "s3", "s4", "k1", "k2"), ids(ranked));
    }

    @Test
    void excludeCategoryLeavesOutTheBoughtItemEvenIfTheHistoryFiledItElsewhere() {
      BusinessRules closeCategory = rules(purchased(PurchasedPolicy.EXCLUDE_CATEGORY, null));
      PurchaseHistory boughtWhenItWasABoot = new Bought(Set.of("s1"), Set.of("boots"));

      List<RankedCandidate> ranked = RuleEngine.apply(CANDIDATES, boughtWhenItWasABoot, closeCategory, ALL);

      assertFalse(ids(ranked).contains("s1"));
      assertTrue(ids(ranked).contains("s2"));
    }

    @Test
    void aCategoryPolicyOverridesTheDefaultForThatCategoryOnly() {
      BusinessRules perCategory =
          rules(
              purchased(
                  PurchasedPolicy.EXCLUDE_ITEM,
                  Map.of("socks", PurchasedPolicy.KEEP, "tents", PurchasedPolicy.EXCLUDE_CATEGORY)));

      List<RankedCandidate> ranked = RuleEngine.apply(CANDIDATES, boughtS1T1K1, perCategory, ALL);

      // shoes: only the bought pair goes; tents: all go; socks: the bought pair stays
      assertEquals(List.of("s2", "s3", "s4", "k1", "k2"), ids(ranked));
    }
  }

  @Nested
  class StockAndExclusions {

    @Test
    void outOfStockItemsAreLeftOutByDefault() {
      List<RankedCandidate> ranked =
          RuleEngine.apply(with(outOfStock("s0", "shoes", 0.99)), PurchaseHistory.NONE, BusinessRules.DEFAULT, ALL);

      assertFalse(ids(ranked).contains("s0"));
    }

    @Test
    void outOfStockItemsCompeteOnScoreWhenTheRuleIsOff() {
      BusinessRules allowOutOfStock =
          rules(new RuleOverrides(null, null, false, null, null, null, null, null, null));

      List<RankedCandidate> ranked =
          RuleEngine.apply(with(outOfStock("s0", "shoes", 0.99)), PurchaseHistory.NONE, allowOutOfStock, 2);

      assertEquals(List.of("s0", "s1"), ids(ranked));
    }

    @Test
    void excludedItemsNeverAppear() {
      BusinessRules configured =
          rules(new RuleOverrides(null, null, null, Set.of("s1"), null, null, null, null, null));

      List<RankedCandidate> ranked = rank(configured.excluding(Set.of("s2", "t1")), 3);

      assertEquals(List.of("s3", "s4", "t2"), ids(ranked));
    }
  }

  @Nested
  class Boosts {

    @Test
    void anItemBoostLiftsItAboveBetterScoredItems() {
      List<RankedCandidate> ranked = rank(rules(boosts(Map.of("k2", 3.0), null)), 3);

      assertEquals(List.of("k2", "s1", "s2"), ids(ranked));
      assertEquals(0.45 * 3.0, ranked.get(0).finalScore(), 1e-12);
      assertEquals(List.of("boosted x3.0 (item)"), ranked.get(0).ruleNotes());
    }

    @Test
    void aFactorBelowOneBuriesAnItem() {
      List<RankedCandidate> ranked = rank(rules(boosts(Map.of("s1", 0.5), null)), ALL);

      // 0.95 x 0.5 = 0.475: below k1 (0.50), above k2 (0.45)
      assertEquals(List.of("s2", "s3", "s4", "t1", "t2", "k1", "s1", "k2"), ids(ranked));
      assertEquals(List.of("buried x0.5 (item)"), ranked.get(6).ruleNotes());
    }

    @Test
    void aCategoryBoostLiftsTheWholeCategory() {
      List<RankedCandidate> ranked = rank(rules(boosts(null, Map.of("socks", 2.0))), 4);

      // k1 0.50 x 2 = 1.00 and k2 0.45 x 2 = 0.90 pass every shoe but s1 (0.95)
      assertEquals(List.of("k1", "s1", "k2", "s2"), ids(ranked));
      assertEquals(List.of("boosted x2.0 (category socks)"), find(ranked, "k1").ruleNotes());
    }

    @Test
    void anItemAndItsCategoryBoostMultiply() {
      List<RankedCandidate> ranked = rank(rules(boosts(Map.of("t2", 1.5), Map.of("tents", 1.2))), ALL);

      RankedCandidate t2 = find(ranked, "t2");
      assertEquals(0.65 * 1.5 * 1.2, t2.finalScore(), 1e-12);
      assertEquals(List.of("boosted x1.5 (item)", "boosted x1.2 (category tents)"), t2.ruleNotes());
    }

    @Test
    void aBoostMovesANegativeScoreUpToo() {
      List<ScoredCandidate> negative = List.of(candidate("a", "x", -1.0), candidate("b", "x", -1.5));

      List<RankedCandidate> ranked =
          RuleEngine.apply(negative, PurchaseHistory.NONE, rules(boosts(Map.of("b", 2.0), null)), ALL);

      assertEquals(List.of("b", "a"), ids(ranked));
      assertEquals(-0.75, ranked.get(0).finalScore(), 1e-12);
    }

    @Test
    void aFactorOfOneChangesNothingAndLeavesNoNote() {
      List<RankedCandidate> ranked = rank(rules(boosts(Map.of("k2", 1.0), null)), ALL);

      assertEquals(ids(rank(BusinessRules.DEFAULT, ALL)), ids(ranked));
      assertTrue(find(ranked, "k2").ruleNotes().isEmpty());
    }
  }

  @Nested
  class Pins {

    @Test
    void pinnedItemsLandAtTheirPositionsWhateverTheirScore() {
      List<RankedCandidate> ranked = rank(rules(pins(Map.of("k2", 1, "t2", 3))), 5);

      assertEquals(List.of("k2", "s1", "t2", "s2", "s3"), ids(ranked));
      assertEquals(List.of("pinned at 1"), ranked.get(0).ruleNotes());
      assertEquals(0.45, ranked.get(0).finalScore(), 1e-12);
    }

    @Test
    void anExcludedPinnedItemDoesNotAppearAndItsPositionFillsByScore() {
      BusinessRules pinned = rules(pins(Map.of("k2", 1))).excluding(Set.of("k2"));

      assertEquals(List.of("s1", "s2", "s3"), ids(rank(pinned, 3)));
    }

    @Test
    void aBoughtPinnedItemDoesNotAppear() {
      PurchaseHistory boughtK2 = new Bought(Set.of("k2"), Set.of("socks"));

      List<RankedCandidate> ranked = RuleEngine.apply(CANDIDATES, boughtK2, rules(pins(Map.of("k2", 1))), ALL);

      assertFalse(ids(ranked).contains("k2"));
    }

    @Test
    void anOutOfStockItemIsNeverPinnedEvenWhenOutOfStockItemsAreAllowed() {
      BusinessRules rules =
          rules(new RuleOverrides(null, null, false, null, null, null, Map.of("s0", 1), null, null));

      List<RankedCandidate> ranked =
          RuleEngine.apply(with(outOfStock("s0", "shoes", 0.10)), PurchaseHistory.NONE, rules, ALL);

      RankedCandidate last = ranked.get(ranked.size() - 1);
      assertEquals("s0", last.itemId());
      assertEquals(List.of("not pinned: out of stock"), last.ruleNotes());
    }

    @Test
    void twoPinsOnOnePositionGoBestScoreFirstAndTheOtherRightAfter() {
      List<RankedCandidate> ranked = rank(rules(pins(Map.of("k2", 2, "k1", 2))), 4);

      assertEquals(List.of("s1", "k1", "k2", "s2"), ids(ranked));
      assertEquals(List.of("pinned at 3 (asked for 2)"), ranked.get(2).ruleNotes());
    }

    @Test
    void aPinPastTheEndOfAShortAnswerLandsLast() {
      List<ScoredCandidate> three = List.of(candidate("a", "x", 0.9), candidate("b", "x", 0.8), candidate("c", "x", 0.1));

      List<RankedCandidate> ranked =
          RuleEngine.apply(three, PurchaseHistory.NONE, rules(pins(Map.of("a", 8))), 10);

      assertEquals(List.of("b", "c", "a"), ids(ranked));
    }

    @Test
    void aPinPastTheLimitIsNoPin() {
      List<RankedCandidate> ranked = rank(rules(pins(Map.of("s1", 5, "k2", 6))), 3);

      assertEquals(List.of("s1", "s2", "s3"), ids(ranked));
    }

    @Test
    void morePinsThanPositionsLeaveTheWorstScoredUnpinned() {
      List<RankedCandidate> ranked = rank(rules(pins(Map.of("k2", 1, "k1", 1))), 1);

      assertEquals(List.of("k1"), ids(ranked));
    }
  }

  @Nested
  class DiversityCap {

    @Test
    void atMostKItemsOfACategoryAppearInTheTopNAndOthersFillInScoreOrder() {
      List<RankedCandidate> ranked = rank(rules(diversity(2, 5)), ALL);

      // shoes s3, s4 are held back; the window fills with tents and socks, then s3, s4 follow
      assertEquals(List.of("s1", "s2", "t1", "t2", "k1", "s3", "s4", "k2"), ids(ranked));
      assertEquals(
          List.of("held below the top 5 by diversity (at most 2 per category)"), find(ranked, "s3").ruleNotes());
    }

    @Test
    void withinTopZeroCapsTheWholeAnswer() {
      List<RankedCandidate> ranked = rank(rules(diversity(1, 0)), 3);

      assertEquals(List.of("s1", "t1", "k1"), ids(ranked));
    }

    @Test
    void theCapRisesOneStepAtATimeRatherThanShortenTheAnswer() {
      List<RankedCandidate> ranked = rank(rules(diversity(1, 6)), 6);

      // one of each category, then (cap 2) a second of each, rather than all the remaining shoes
      assertEquals(List.of("s1", "t1", "k1", "s2", "t2", "k2"), ids(ranked));
      assertEquals(
          List.of("diversity cap raised to 2 per category in the top 6: too few other categories"),
          ranked.get(3).ruleNotes());
    }

    @Test
    void pinnedItemsCountTowardTheCapAndStayWhereTheyArePinned() {
      List<RankedCandidate> ranked = rank(rules(pins(Map.of("s4", 4))).withOverrides(diversity(2, 5)), 6);

      assertEquals(List.of("s1", "t1", "t2", "s4", "k1", "s2"), ids(ranked));
    }
  }

  @Nested
  class Answer {

    @Test
    void holdsAtMostLimitItems() {
      assertEquals(List.of("s1", "s2"), ids(rank(BusinessRules.DEFAULT, 2)));
      assertTrue(rank(BusinessRules.DEFAULT, 0).isEmpty());
      assertEquals(CANDIDATES.size(), rank(BusinessRules.DEFAULT, ALL).size());
    }

    @Test
    void rejectsANegativeLimit() {
      assertThrows(IllegalArgumentException.class, () -> rank(BusinessRules.DEFAULT, -1));
    }

    @Test
    void equalScoresAreOrderedByItemIdWhateverTheInputOrder() {
      List<ScoredCandidate> tied = new ArrayList<>();
      for (String id : List.of("c", "a", "d", "b")) {
        tied.add(candidate(id, "x", 0.5));
      }
      List<ScoredCandidate> reversed = new ArrayList<>(tied);
      Collections.reverse(reversed);

      assertEquals(List.of("a", "b", "c", "d"), ids(RuleEngine.apply(tied, PurchaseHistory.NONE, BusinessRules.DEFAULT, ALL)));
      assertEquals(
          List.of("a", "b", "c", "d"), ids(RuleEngine.apply(reversed, PurchaseHistory.NONE, BusinessRules.DEFAULT, ALL)));
    }

    @Test
    void aRepeatedCandidateAppearsOnceWithItsBestScore() {
      List<RankedCandidate> ranked =
          RuleEngine.apply(
              with(candidate("k2", "socks", 0.99), candidate("k2", "socks", 0.01)),
              PurchaseHistory.NONE,
              BusinessRules.DEFAULT,
              ALL);

      assertEquals(CANDIDATES.size(), ranked.size());
      assertEquals("k2", ranked.get(0).itemId());
      assertEquals(0.99, ranked.get(0).finalScore(), 1e-12);
    }

    @Test
    void itemsNoRuleTouchedCarryTheModelScoreAndNoNotes() {
      RankedCandidate s1 = rank(BusinessRules.DEFAULT, 1).get(0);

      assertEquals(0.95, s1.finalScore(), 1e-12);
      assertTrue(s1.ruleNotes().isEmpty());
    }
  }
}
