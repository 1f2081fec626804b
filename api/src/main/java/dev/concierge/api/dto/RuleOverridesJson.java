package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.models.rules.PurchasedPolicy;
import dev.concierge.models.rules.RuleOverrides;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * Reads the optional {@code "rules"} object of a decision request, shaped like {@code concierge.rules}
 * with each key in camelCase or kebab-case. A body may give both spellings of a key: both are checked,
 * and the camelCase one counts. Every value is checked against {@link RequestLimits} and the rules'
 * invariants, with a 400 naming it by its JSON path, so that {@link RuleOverrides} never has to refuse
 * one.
 */
final class RuleOverridesJson {

  private static final String RULES = "rules";
  private static final String BOOST_PATH = "rules.boost";
  private static final String DIVERSITY_PATH = "rules.diversity";
  private static final RuleKey PURCHASED = RuleKey.of(RULES, "purchased");
  private static final RuleKey PURCHASED_BY_CATEGORY = RuleKey.of(RULES, "purchasedByCategory");
  private static final RuleKey EXCLUDE_OUT_OF_STOCK = RuleKey.of(RULES, "excludeOutOfStock");
  private static final RuleKey EXCLUDE_ITEMS = RuleKey.of(RULES, "excludeItems");
  private static final RuleKey BOOST = RuleKey.of(RULES, "boost");
  private static final RuleKey BOOST_ITEMS = RuleKey.of(BOOST_PATH, "items");
  private static final RuleKey BOOST_CATEGORIES = RuleKey.of(BOOST_PATH, "categories");
  private static final RuleKey PIN = RuleKey.of(RULES, "pin");
  private static final RuleKey DIVERSITY = RuleKey.of(RULES, "diversity");
  private static final RuleKey MAX_PER_CATEGORY = RuleKey.of(DIVERSITY_PATH, "maxPerCategory");
  private static final RuleKey WITHIN_TOP = RuleKey.of(DIVERSITY_PATH, "withinTop");

  private final RequestLimits limits;

  RuleOverridesJson(RequestLimits limits) {
    this.limits = limits;
  }

  RuleOverrides parse(JsonNode rules) {
    if (Fields.absent(rules)) {
      return RuleOverrides.NONE;
    }
    Fields.object(rules, RULES);
    JsonNode boost = BOOST.read(rules, Fields::object);
    JsonNode diversity = DIVERSITY.read(rules, Fields::object);
    return new RuleOverrides(
        PURCHASED.read(rules, RuleOverridesJson::policy),
        PURCHASED_BY_CATEGORY.read(rules, this::categoryPolicies),
        EXCLUDE_OUT_OF_STOCK.read(rules, Fields::bool),
        EXCLUDE_ITEMS.read(rules, this::itemIds),
        BOOST_ITEMS.read(boost, this::itemFactors),
        BOOST_CATEGORIES.read(boost, this::categoryFactors),
        PIN.read(rules, this::pins),
        MAX_PER_CATEGORY.read(diversity, this::count),
        WITHIN_TOP.read(diversity, this::count));
  }

  private static PurchasedPolicy policy(JsonNode value, String path) {
    if (Fields.absent(value) || !value.isTextual()) {
      throw Fields.invalid(path, "must be one of keep, exclude-item or exclude-category");
    }
    try {
      return PurchasedPolicy.fromName(value.asText());
    } catch (IllegalArgumentException unknown) {
      throw Fields.invalid(path, "must be one of keep, exclude-item or exclude-category: " + unknown.getMessage());
    }
  }

  private Map<String, PurchasedPolicy> categoryPolicies(JsonNode value, String path) {
    return map(value, path, Fields::nameKey, RuleOverridesJson::policy);
  }

  private Set<String> itemIds(JsonNode value, String path) {
    return new HashSet<>(Fields.ids(value, path, limits.maxItemsPerList()));
  }

  private Map<String, Double> itemFactors(JsonNode value, String path) {
    return map(value, path, Fields::idKey, this::factor);
  }

  private Map<String, Double> categoryFactors(JsonNode value, String path) {
    return map(value, path, Fields::nameKey, this::factor);
  }

  private double factor(JsonNode value, String path) {
    return Fields.positiveNumber(value, path, limits.maxBoostFactor());
  }

  private Map<String, Integer> pins(JsonNode value, String path) {
    return map(value, path, Fields::idKey, (position, entry) -> Fields.integer(position, entry, 1, limits.maxDecisionLimit()));
  }

  private int count(JsonNode value, String path) {
    return Fields.integer(value, path, 0, limits.maxDecisionLimit());
  }

  /** A map of checked keys to checked values; {@code key} and {@code read} throw for what they refuse. */
  private <V> Map<String, V> map(
      JsonNode value, String path, BinaryOperator<String> key, BiFunction<JsonNode, String, V> read) {
    Fields.map(value, path, limits.maxItemsPerList());
    Map<String, V> map = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      map.put(key.apply(entry.getKey(), path), read.apply(entry.getValue(), Fields.entry(path, entry.getKey())));
    }
    return map;
  }

  /** A key of the rules object in both spellings, with the JSON path of each; built once, not per request. */
  private record RuleKey(String camelCase, String kebabCase, String camelPath, String kebabPath) {

    static RuleKey of(String parentPath, String camelCase) {
      String kebabCase = camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
      return new RuleKey(camelCase, kebabCase, parentPath + "." + camelCase, parentPath + "." + kebabCase);
    }

    /** The value under either spelling, or {@code null} when neither gives one (or the parent is absent). */
    <T> T read(JsonNode parent, BiFunction<JsonNode, String, T> reader) {
      if (parent == null) {
        return null;
      }
      T camel = present(parent.get(camelCase), camelPath, reader);
      if (kebabCase.equals(camelCase)) {
        return camel;
      }
      T kebab = present(parent.get(kebabCase), kebabPath, reader);
      return camel != null ? camel : kebab;
    }

    private static <T> T present(JsonNode value, String path, BiFunction<JsonNode, String, T> reader) {
      return Fields.absent(value) ? null : reader.apply(value, path);
    }
  }
}
