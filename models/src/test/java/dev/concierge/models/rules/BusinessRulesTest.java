package dev.concierge.models.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessRulesTest {

  private static final BusinessRules CONFIGURED =
      new BusinessRules(
          PurchasedPolicy.EXCLUDE_ITEM,
          Map.of("socks", PurchasedPolicy.KEEP, "tents", PurchasedPolicy.EXCLUDE_CATEGORY),
          true,
          Set.of("recalled"),
          Map.of("sku-1", 1.5, "sku-2", 0.5),
          Map.of("shoes", 1.2),
          Map.of("hero", 1),
          new Diversity(3, 10));

  @Test
  void theDefaultsOnlyKeepBoughtAndOutOfStockItemsOut() {
    BusinessRules defaults = BusinessRules.DEFAULT;

    assertEquals(PurchasedPolicy.EXCLUDE_ITEM, defaults.purchased());
    assertTrue(defaults.excludeOutOfStock());
    assertTrue(defaults.excludedItems().isEmpty());
    assertTrue(defaults.itemBoosts().isEmpty() && defaults.categoryBoosts().isEmpty());
    assertTrue(defaults.pins().isEmpty());
    assertEquals(Diversity.OFF, defaults.diversity());
  }

  @Test
  void aCategoryWithoutItsOwnPolicyFollowsTheDefault() {
    assertEquals(PurchasedPolicy.KEEP, CONFIGURED.purchasedPolicyFor("socks"));
    assertEquals(PurchasedPolicy.EXCLUDE_ITEM, CONFIGURED.purchasedPolicyFor("shoes"));
  }

  @Test
  void noOverridesLeaveTheRulesAsTheyAre() {
    assertSame(CONFIGURED, CONFIGURED.withOverrides(RuleOverrides.NONE));
    assertSame(CONFIGURED, CONFIGURED.withOverrides(new RuleOverrides(null, null, null, null, null, null, null, null, null)));
  }

  @Test
  void givenSettingsReplaceTheConfiguredOnesAndTheRestStay() {
    BusinessRules merged =
        CONFIGURED.withOverrides(
            new RuleOverrides(PurchasedPolicy.KEEP, null, false, null, null, null, null, 2, null));

    assertEquals(PurchasedPolicy.KEEP, merged.purchased());
    assertEquals(false, merged.excludeOutOfStock());
    assertEquals(new Diversity(2, 10), merged.diversity());
    assertEquals(CONFIGURED.purchasedByCategory(), merged.purchasedByCategory());
    assertEquals(CONFIGURED.itemBoosts(), merged.itemBoosts());
    assertEquals(CONFIGURED.pins(), merged.pins());
  }

  @Test
  void excludeListsAreUnited() {
    BusinessRules merged =
        CONFIGURED.withOverrides(new RuleOverrides(null, null, null, Set.of("sku-9"), null, null, null, null, null))
            .excluding(Set.of("on-this-page"));

    assertEquals(Set.of("recalled", "sku-9", "on-this-page"), merged.excludedItems());
  }

  @Test
  void boostsPinsAndCategoryPoliciesMergeByKey() {
    BusinessRules merged =
        CONFIGURED.withOverrides(
            new RuleOverrides(
                null,
                Map.of("socks", PurchasedPolicy.EXCLUDE_ITEM, "mugs", PurchasedPolicy.KEEP),
                null,
                null,
                Map.of("sku-1", 1.0, "sku-3", 2.0),
                Map.of("tents", 0.8),
                Map.of("hero", 3, "promo", 1),
                null,
                null));

    assertEquals(
        Map.of(
            "socks", PurchasedPolicy.EXCLUDE_ITEM,
            "tents", PurchasedPolicy.EXCLUDE_CATEGORY,
            "mugs", PurchasedPolicy.KEEP),
        merged.purchasedByCategory());
    assertEquals(Map.of("sku-1", 1.0, "sku-2", 0.5, "sku-3", 2.0), merged.itemBoosts());
    assertEquals(Map.of("shoes", 1.2, "tents", 0.8), merged.categoryBoosts());
    assertEquals(Map.of("hero", 3, "promo", 1), merged.pins());
  }

  @Test
  void aFactorMustBeFiniteAndAboveZero() {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException error =
          assertThrows(
              IllegalArgumentException.class,
              () -> BusinessRules.DEFAULT.withOverrides(
                  new RuleOverrides(null, null, null, null, Map.of("sku-1", bad), null, null, null, null)));
      assertTrue(error.getMessage().contains("item 'sku-1'"), error.getMessage());
    }
  }

  @Test
  void aCategoryFactorErrorNamesTheCategory() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> BusinessRules.DEFAULT.withOverrides(
                new RuleOverrides(null, null, null, null, null, Map.of("tents", 0.0), null, null, null)));

    assertTrue(error.getMessage().contains("category 'tents'"), error.getMessage());
  }

  @Test
  void aPinMustBeAPositionFromOne() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> BusinessRules.DEFAULT.withOverrides(
                new RuleOverrides(null, null, null, null, null, null, Map.of("hero", 0), null, null)));

    assertTrue(error.getMessage().contains("'hero'"), error.getMessage());
  }

  @Test
  void diversityRejectsNegativeNumbers() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Diversity(-1, 0));
    assertTrue(error.getMessage().contains("max-per-category"), error.getMessage());

    error = assertThrows(IllegalArgumentException.class, () -> new Diversity(2, -5));
    assertTrue(error.getMessage().contains("within-top"), error.getMessage());
  }

  @Test
  void theDiversityWindowIsTheRequestLimitUnlessSmaller() {
    assertEquals(10, new Diversity(2, 0).window(10));
    assertEquals(5, new Diversity(2, 5).window(10));
    assertEquals(3, new Diversity(2, 5).window(3));
  }

  @Test
  void aPurchasedPolicyReadsInEverySpellingOfItsName() {
    for (String name : new String[] {"exclude-category", "exclude_category", "excludeCategory", "EXCLUDE_CATEGORY"}) {
      assertEquals(PurchasedPolicy.EXCLUDE_CATEGORY, PurchasedPolicy.fromName(name));
    }
    assertEquals("exclude-item", PurchasedPolicy.EXCLUDE_ITEM.configName());
  }

  @Test
  void anUnknownPurchasedPolicyNamesTheAcceptedOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PurchasedPolicy.fromName("forget"));

    assertEquals(
        "unknown purchased policy 'forget'; expected keep, exclude-item or exclude-category", error.getMessage());
  }
}
