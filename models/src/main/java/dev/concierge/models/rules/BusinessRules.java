package dev.concierge.models.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The merchant's rules for one decision: the configured defaults, possibly merged with the request's
 * {@link RuleOverrides}. {@link RuleEngine} applies them.
 *
 * @param purchased           what happens to bought items, unless their category says otherwise
 * @param purchasedByCategory per-category exceptions to {@code purchased}
 * @param excludeOutOfStock   whether out-of-stock items are left out
 * @param excludedItems       items never shown
 * @param itemBoosts          score factors by item id: above 1 boosts, below 1 buries
 * @param categoryBoosts      score factors by category; an item in a boosted category that also has its
 *                            own boost gets both
 * @param pins                item id to its 1-based position in the answer
 * @param diversity           the per-category cap near the top
 */
public record BusinessRules(
    PurchasedPolicy purchased,
    Map<String, PurchasedPolicy> purchasedByCategory,
    boolean excludeOutOfStock,
    Set<String> excludedItems,
    Map<String, Double> itemBoosts,
    Map<String, Double> categoryBoosts,
    Map<String, Integer> pins,
    Diversity diversity) {

  /**
   * Only the safety rules: bought items and out-of-stock items stay out, everything else keeps the
   * model's order.
   */
  public static final BusinessRules DEFAULT =
      new BusinessRules(
          PurchasedPolicy.EXCLUDE_ITEM, Map.of(), true, Set.of(), Map.of(), Map.of(), Map.of(), Diversity.OFF);

  public BusinessRules {
    Objects.requireNonNull(purchased, "purchased");
    Objects.requireNonNull(diversity, "diversity");
    purchasedByCategory = validPolicies(purchasedByCategory);
    excludedItems = validItems(excludedItems);
    itemBoosts = validFactors(itemBoosts, "item");
    categoryBoosts = validFactors(categoryBoosts, "category");
    pins = validPins(pins);
  }

  /** The policy that applies to items of {@code category}. */
  public PurchasedPolicy purchasedPolicyFor(String category) {
    return purchasedByCategory.getOrDefault(category, purchased);
  }

  /**
   * These rules with the request's overrides: lists are unioned, per-key entries (boosts, pins,
   * category policies) replace the configured ones of the same key, and the settings the request gives
   * replace the configured ones.
   */
  public BusinessRules withOverrides(RuleOverrides overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    return new BusinessRules(
        overrides.purchased() != null ? overrides.purchased() : purchased,
        overlay(purchasedByCategory, overrides.purchasedByCategory()),
        overrides.excludeOutOfStock() != null ? overrides.excludeOutOfStock() : excludeOutOfStock,
        union(excludedItems, overrides.excludeItems()),
        overlay(itemBoosts, overrides.itemBoosts()),
        overlay(categoryBoosts, overrides.categoryBoosts()),
        overlay(pins, overrides.pins()),
        new Diversity(
            overrides.maxPerCategory() != null ? overrides.maxPerCategory() : diversity.maxPerCategory(),
            overrides.withinTop() != null ? overrides.withinTop() : diversity.withinTop()));
  }

  /** These rules, also leaving out {@code itemIds} (the request's {@code exclude}, the page's own item). */
  public BusinessRules excluding(Collection<String> itemIds) {
    if (itemIds.isEmpty()) {
      return this;
    }
    return new BusinessRules(
        purchased,
        purchasedByCategory,
        excludeOutOfStock,
        union(excludedItems, itemIds),
        itemBoosts,
        categoryBoosts,
        pins,
        diversity);
  }

  /**
   * Checks one boost factor; configuration and request parsing call it to name the offending key.
   *
   * @param subject what the factor applies to, e.g. {@code item 'sku-7'}
   * @throws InvalidRuleException unless the factor is finite and above 0
   */
  public static double requireValidFactor(String subject, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new InvalidRuleException(
          "boost of " + subject + " must be a finite number > 0 (below 1 buries), was " + factor);
    }
    return factor;
  }

  /**
   * Checks one pin; configuration and request parsing call it to name the offending key.
   *
   * @throws InvalidRuleException unless the position is at least 1
   */
  public static int requireValidPin(String itemId, int position) {
    if (position < 1) {
      throw new InvalidRuleException("pin of item '" + itemId + "' must be a position >= 1, was " + position);
    }
    return position;
  }

  // the checks below are shared with RuleOverrides, so that overrides that exist always merge

  static Map<String, PurchasedPolicy> validPolicies(Map<String, PurchasedPolicy> policies) {
    for (Map.Entry<String, PurchasedPolicy> policy : policies.entrySet()) {
      requireKey(policy.getKey(), "purchased-by-category");
      if (policy.getValue() == null) {
        throw new InvalidRuleException("the purchased policy of category '" + policy.getKey() + "' is missing");
      }
    }
    return Map.copyOf(policies);
  }

  static Set<String> validItems(Collection<String> itemIds) {
    for (String itemId : itemIds) {
      requireKey(itemId, "exclude-items");
    }
    return Set.copyOf(itemIds);
  }

  static Map<String, Double> validFactors(Map<String, Double> factors, String kind) {
    for (Map.Entry<String, Double> factor : factors.entrySet()) {
      requireKey(factor.getKey(), "boost of a " + kind);
      String subject = kind + " '" + factor.getKey() + "'";
      if (factor.getValue() == null) {
        throw new InvalidRuleException("boost of " + subject + " is missing");
      }
      requireValidFactor(subject, factor.getValue());
    }
    return Map.copyOf(factors);
  }

  static Map<String, Integer> validPins(Map<String, Integer> pins) {
    for (Map.Entry<String, Integer> pin : pins.entrySet()) {
      requireKey(pin.getKey(), "pin");
      if (pin.getValue() == null) {
        throw new InvalidRuleException("pin of item '" + pin.getKey() + "' is missing its position");
      }
      requireValidPin(pin.getKey(), pin.getValue());
    }
    return Map.copyOf(pins);
  }

  private static void requireKey(String key, String what) {
    if (key == null) {
      throw new InvalidRuleException(what + " names no item or category");
    }
  }

  private static <V> Map<String, V> overlay(Map<String, V> base, Map<String, V> over) {
    if (over.isEmpty()) {
      return base;
    }
    Map<String, V> merged = new HashMap<>(base);
    merged.putAll(over);
    return merged;
  }

  private static Set<String> union(Set<String> base, Collection<String> more) {
    if (more.isEmpty()) {
      return base;
    }
    Set<String> merged = new HashSet<>(base);
    merged.addAll(more);
    return merged;
  }
}
