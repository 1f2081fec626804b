package dev.concierge.engine.rules;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.Diversity;
import dev.concierge.models.rules.PurchasedPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the configured {@link BusinessRules} from {@code concierge.rules}. A bad value fails with a
 * {@link ConfigException} naming its key, relative to the block, and its file and line.
 */
public final class RulesSettings {

  private RulesSettings() {}

  /** @param rules the {@code concierge.rules} block */
  public static BusinessRules fromConfig(Config rules) {
    return new BusinessRules(
        policy(rules, "purchased"),
        policiesByCategory(rules, "purchased-by-category"),
        rules.getBoolean("exclude-out-of-stock"),
        Set.copyOf(rules.getStringList("exclude-items")),
        factors(rules, "boost.items", "item"),
        factors(rules, "boost.categories", "category"),
        pins(rules, "pin"),
        checked(rules, "diversity", () -> diversity(rules.getConfig("diversity"))));
  }

  private static PurchasedPolicy policy(Config rules, String path) {
    String name = rules.getString(path);
    return checked(rules, path, () -> PurchasedPolicy.fromName(name));
  }

  private static Map<String, PurchasedPolicy> policiesByCategory(Config rules, String path) {
    Map<String, PurchasedPolicy> policies = new HashMap<>();
    for (String category : rules.getObject(path).keySet()) {
      policies.put(category, policy(rules, entryPath(path, category)));
    }
    return policies;
  }

  private static Map<String, Double> factors(Config rules, String path, String kind) {
    Map<String, Double> factors = new HashMap<>();
    for (String key : rules.getObject(path).keySet()) {
      String entry = entryPath(path, key);
      double factor = rules.getDouble(entry);
      factors.put(key, checked(rules, entry, () -> BusinessRules.requireValidFactor(kind + " '" + key + "'", factor)));
    }
    return factors;
  }

  private static Map<String, Integer> pins(Config rules, String path) {
    Map<String, Integer> pins = new HashMap<>();
    for (String itemId : rules.getObject(path).keySet()) {
      String entry = entryPath(path, itemId);
      int position = rules.getInt(entry);
      pins.put(itemId, checked(rules, entry, () -> BusinessRules.requireValidPin(itemId, position)));
    }
    return pins;
  }

  private static Diversity diversity(Config diversity) {
    return new Diversity(diversity.getInt("max-per-category"), diversity.getInt("within-top"));
  }

  // keys are quoted so item ids and categories may hold dots
  private static String entryPath(String path, String key) {
    return path + "." + ConfigUtil.joinPath(key);
  }

  /** The value, or the domain's complaint about it as a {@link ConfigException} at {@code path}. */
  private static <T> T checked(Config rules, String path, Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException invalid) {
      throw new ConfigException.BadValue(rules.getValue(path).origin(), path, invalid.getMessage());
    }
  }
}
