package dev.concierge.models.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.PurchaseHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What must hold for any candidates and rules, checked on many random cases from a fixed seed. */
class RuleEngineInvariantsTest {

  private static final long SEED = 42;
  private static final int ROUNDS = 2_000;
  private static final int MAX_CANDIDATES = 40;
  private static final int ITEMS = 30;
  private static final int CATEGORIES = 4;
  private static final int OUT_OF_STOCK_EVERY = 5;
  // few distinct scores, so that ties are common
  private static final int SCORE_LEVELS = 10;
  private static final int MAX_PINS = 4;
  private static final int MAX_LIMIT = 15;
  private static final int MAX_PER_CATEGORY = 3;

  private final Random random = new Random(SEED);

  /** A random candidate list with repeats; category and stock follow from the item, as in a catalog. */
  private List<ScoredCandidate> candidates() {
    List<ScoredCandidate> candidates = new ArrayList<>();
    for (int i = random.nextInt(MAX_CANDIDATES); i > 0; i--) {
      int item = random.nextInt(ITEMS);
      CatalogItem catalogItem =
          new CatalogItem("i" + item, "c" + item % CATEGORIES, 1, item % OUT_OF_STOCK_EVERY != 0, "", 0);
      candidates.add(new ScoredCandidate(catalogItem, random.nextInt(SCORE_LEVELS) / (double) SCORE_LEVELS));
    }
    return candidates;
  }

  private String anyItem() {
    return "i" + random.nextInt(ITEMS);
  }

  private static List<String> ids(List<RankedCandidate> ranked) {
    List<String> ids = new ArrayList<>();
    for (RankedCandidate candidate : ranked) {
      ids.add(candidate.itemId());
    }
    return ids;
  }

  @Test
  void theAnswerIsAsLongAsTheEligibleItemsAllowDistinctAndFreeOfExcludedItems() {
    for (int round = 0; round < ROUNDS; round++) {
      List<ScoredCandidate> candidates = candidates();
      Map<String, Integer> pins = new HashMap<>();
      for (int i = random.nextInt(MAX_PINS + 1); i > 0; i--) {
        pins.put(anyItem(), 1 + random.nextInt(MAX_LIMIT));
      }
      Set<String> excluded = Set.of(anyItem());
      BusinessRules rules =
          BusinessRules.DEFAULT.withOverrides(
              new RuleOverrides(
                  null, null, null, excluded, null, null, pins,
                  random.nextInt(MAX_PER_CATEGORY + 1), random.nextInt(MAX_LIMIT)));
      int limit = random.nextInt(MAX_LIMIT);

      List<String> answer = ids(RuleEngine.apply(candidates, PurchaseHistory.NONE, rules, limit));

      Set<String> eligible = new HashSet<>();
      for (ScoredCandidate candidate : candidates) {
        if (candidate.item().inStock() && !excluded.contains(candidate.item().itemId())) {
          eligible.add(candidate.item().itemId());
        }
      }
      String where = "round " + round;
      assertEquals(Math.min(limit, eligible.size()), answer.size(), where);
      assertEquals(answer.size(), new HashSet<>(answer).size(), where);
      assertTrue(eligible.containsAll(answer), where);
    }
  }

  @Test
  void withoutPinsOrCapTheAnswerIsTheBestByScoreThenItemId() {
    Comparator<ScoredCandidate> bestFirst =
        Comparator.comparingDouble(ScoredCandidate::score).reversed()
            .thenComparing(candidate -> candidate.item().itemId());
    for (int round = 0; round < ROUNDS; round++) {
      List<ScoredCandidate> candidates = candidates();
      int limit = random.nextInt(MAX_LIMIT);

      List<String> answer = ids(RuleEngine.apply(candidates, PurchaseHistory.NONE, BusinessRules.DEFAULT, limit));

      List<ScoredCandidate> sorted = new ArrayList<>(candidates);
      sorted.sort(bestFirst);
      List<String> expected = new ArrayList<>();
      for (ScoredCandidate candidate : sorted) {
        String id = candidate.item().itemId();
        if (expected.size() < limit && candidate.item().inStock() && !expected.contains(id)) {
          expected.add(id);
        }
      }
      assertEquals(expected, answer, "round " + round);
    }
  }

  /**
   * Any overrides that can be made merge into the configured rules and rank: the extremes of every
   * value a request may carry, so that no decision fails on its rules inside the customer's actor.
   */
  @Test
  void everyOverrideThatCanBeMadeMergesAndRanksEvenAtTheExtremes() {
    BusinessRules configured =
        new BusinessRules(PurchasedPolicy.EXCLUDE_ITEM, Map.of("c0", PurchasedPolicy.KEEP), true, Set.of("i1"),
            Map.of("i2", 2.0), Map.of("c1", 0.5), Map.of("i3", 1), new Diversity(2, 5));
    for (int round = 0; round < ROUNDS; round++) {
      RuleOverrides overrides =
          new RuleOverrides(
              PurchasedPolicy.values()[random.nextInt(PurchasedPolicy.values().length)],
              Map.of("c" + random.nextInt(CATEGORIES), PurchasedPolicy.EXCLUDE_CATEGORY),
              random.nextBoolean(),
              Set.of(anyItem()),
              Map.of(anyItem(), extremeFactor()),
              Map.of("c" + random.nextInt(CATEGORIES), extremeFactor()),
              Map.of(anyItem(), extremeCount(1)),
              extremeCount(0),
              extremeCount(0));

      List<RankedCandidate> answer =
          RuleEngine.apply(candidates(), PurchaseHistory.NONE, configured.withOverrides(overrides), 1 + random.nextInt(MAX_LIMIT));

      assertTrue(answer.size() <= MAX_LIMIT, "round " + round);
    }
  }

  private double extremeFactor() {
    double[] factors = {Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0.5, 1, 1e300, Double.MAX_VALUE};
    return factors[random.nextInt(factors.length)];
  }

  private int extremeCount(int least) {
    int[] counts = {least, least + 1, MAX_LIMIT, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
    return counts[random.nextInt(counts.length)];
  }
}
