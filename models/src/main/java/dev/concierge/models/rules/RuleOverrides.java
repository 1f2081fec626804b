package dev.concierge.models.rules;

import java.util.Map;
import java.util.Set;

/**
 * What one decision request changes of the configured {@link BusinessRules}: the optional
 * {@code "rules"} object of {@code POST /v1/decisions}, shaped like {@code concierge.rules}. A
 * {@code null} setting was not given and keeps the configured value; maps and sets add to the
 * configured ones (see {@link BusinessRules#withOverrides}). The values are checked here, against the
 * same invariants as {@link BusinessRules}, so that overrides that exist always merge: a bad value fails
 * where the request is read, with an {@link InvalidRuleException} naming it, never inside the
 * customer's actor.
 *
 * @param purchased           {@code purchased}, or {@code null}
 * @param purchasedByCategory {@code purchased-by-category}: category to policy
 * @param excludeOutOfStock   {@code exclude-out-of-stock}, or {@code null}
 * @param excludeItems        {@code exclude-items}: more items never shown
 * @param itemBoosts          {@code boost.items}: item id to factor
 * @param categoryBoosts      {@code boost.categories}: category to factor
 * @param pins                {@code pin}: item id to 1-based position
 * @param maxPerCategory      {@code diversity.max-per-category}, or {@code null}
 * @param withinTop           {@code diversity.within-top}, or {@code null}
 */
public record RuleOverrides(
    PurchasedPolicy purchased,
    Map<String, PurchasedPolicy> purchasedByCategory,
    Boolean excludeOutOfStock,
    Set<String> excludeItems,
    Map<String, Double> itemBoosts,
    Map<String, Double> categoryBoosts,
    Map<String, Integer> pins,
    Integer maxPerCategory,
    Integer withinTop) {

  public static final RuleOverrides NONE =
      new RuleOverrides(null, Map.of(), null, Set.of(), Map.of(), Map.of(), Map.of(), null, null);

  public RuleOverrides {
    purchasedByCategory = purchasedByCategory == null ? Map.of() : BusinessRules.validPolicies(purchasedByCategory);
    excludeItems = excludeItems == null ? Set.of() : BusinessRules.validItems(excludeItems);
    itemBoosts = itemBoosts == null ? Map.of() : BusinessRules.validFactors(itemBoosts, "item");
    categoryBoosts = categoryBoosts == null ? Map.of() : BusinessRules.validFactors(categoryBoosts, "category");
    pins = pins == null ? Map.of() : BusinessRules.validPins(pins);
    if (maxPerCategory != null) {
      Diversity.requireValidCap(maxPerCategory);
    }
    if (withinTop != null) {
      Diversity.requireValidWindow(withinTop);
    }
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
