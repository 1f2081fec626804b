package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.ApiError;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.PurchasedPolicy;
import dev.concierge.models.rules.RuleOverrides;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the optional {@code "rules"} object of a decision request, shaped like {@code concierge.rules}
 * (keys in camelCase or kebab-case). Every problem is a 400 that names the key.
 */
final class RuleOverridesJson {

  private RuleOverridesJson() {}

  static RuleOverrides parse(JsonNode rules) {
    if (rules == null || rules.isNull()) {
      return RuleOverrides.NONE;
    }
    if (!rules.isObject()) {
      throw ApiError.badRequest("field 'rules' must be an object shaped like concierge.rules");
    }
    JsonNode boost = field(rules, "boost");
    JsonNode diversity = field(rules, "diversity");
    return new RuleOverrides(
        policy(field(rules, "purchased"), "rules.purchased"),
        map(field(rules, "purchasedByCategory"), "rules.purchased-by-category",
            (key, value) -> policy(value, "rules.purchased-by-category." + key)),
        bool(field(rules, "excludeOutOfStock"), "rules.exclude-out-of-stock"),
        strings(field(rules, "excludeItems"), "rules.exclude-items"),
        map(field(boost, "items"), "rules.boost.items",
            (key, value) -> BusinessRules.requireValidFactor("item '" + key + "'", number(value, "rules.boost.items." + key))),
        map(field(boost, "categories"), "rules.boost.categories",
            (key, value) -> BusinessRules.requireValidFactor("category '" + key + "'", number(value, "rules.boost.categories." + key))),
        map(field(rules, "pin"), "rules.pin",
            (key, value) -> BusinessRules.requireValidPin(key, integer(value, "rules.pin." + key))),
        integerOrNull(field(diversity, "maxPerCategory"), "rules.diversity.max-per-category"),
        integerOrNull(field(diversity, "withinTop"), "rules.diversity.within-top"));
  }

  /** The field under its camelCase name or its kebab-case one. */
  private static JsonNode field(JsonNode parent, String camelCase) {
    if (parent == null || parent.isNull()) {
      return null;
    }
    JsonNode value = parent.get(camelCase);
    return value != null ? value : parent.get(camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
  }

  private static PurchasedPolicy policy(JsonNode value, String key) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return PurchasedPolicy.fromName(value.asText());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("field '" + key + "': " + e.getMessage());
    }
  }

  private static Boolean bool(JsonNode value, String key) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiError.badRequest("field '" + key + "' must be true or false");
    }
    return value.asBoolean();
  }

  private static Set<String> strings(JsonNode value, String key) {
    Set<String> strings = new HashSet<>();
    if (value == null || value.isNull()) {
      return strings;
    }
    if (!value.isArray()) {
      throw ApiError.badRequest("field '" + key + "' must be an array of item ids");
    }
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw ApiError.badRequest("field '" + key + "' must contain only strings (item ids)");
      }
      strings.add(element.asText());
    }
    return strings;
  }

  private static <V> Map<String, V> map(JsonNode value, String key, BiFunction<String, JsonNode, V> read) {
    Map<String, V> map = new HashMap<>();
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw ApiError.badRequest("field '" + key + "' must be an object");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      try {
        map.put(entry.getKey(), read.apply(entry.getKey(), entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("field '" + key + "." + entry.getKey() + "': " + e.getMessage());
      }
    }
    return map;
  }

  private static double number(JsonNode value, String key) {
    if (value == null || !value.isNumber()) {
      throw ApiError.badRequest("field '" + key + "' must be a number");
    }
    return value.asDouble();
  }

  private static int integer(JsonNode value, String key) {
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiError.badRequest("field '" + key + "' must be an integer");
    }
    return value.asInt();
  }

  private static Integer integerOrNull(JsonNode value, String key) {
    return value == null || value.isNull() ? null : integer(value, key);
  }
}
