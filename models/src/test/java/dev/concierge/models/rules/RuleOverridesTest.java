package dev.concierge.models.rules;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Overrides that break the rules' invariants cannot be made: the request that carries them fails where
 * it is read, with a message naming the value, instead of in the customer's actor when they are merged.
 */
class RuleOverridesTest {

  private static <K, V> Map<K, V> mapOf(K key, V value) {
    Map<K, V> map = new HashMap<>();
    map.put(key, value);
    return map;
  }

  private static Arguments refused(String named, Supplier<RuleOverrides> overrides) {
    return Arguments.of(named, overrides);
  }

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        refused("max-per-category", () -> new RuleOverrides(null, null, null, null, null, null, null, -1, null)),
        refused("within-top", () -> new RuleOverrides(null, null, null, null, null, null, null, null, -1)),
        refused("category 'tents'",
            () -> new RuleOverrides(null, mapOf("tents", null), null, null, null, null, null, null, null)),
        refused("exclude-items",
            () -> new RuleOverrides(null, null, null, new HashSet<>(Arrays.asList("sku-1", null)), null, null, null,
                null, null)),
        refused("item 'sku-1'", () -> new RuleOverrides(null, null, null, null, mapOf("sku-1", null), null, null, null,
            null)),
        refused("item 'sku-1'", () -> new RuleOverrides(null, null, null, null, Map.of("sku-1", -1.0), null, null, null,
            null)),
        refused("item 'sku-1'", () -> new RuleOverrides(null, null, null, null, Map.of("sku-1", Double.NaN), null, null,
            null, null)),
        refused("category 'tents'", () -> new RuleOverrides(null, null, null, null, null,
            Map.of("tents", Double.POSITIVE_INFINITY), null, null, null)),
        refused("'hero'", () -> new RuleOverrides(null, null, null, null, null, null, Map.of("hero", 0), null, null)),
        refused("'hero'", () -> new RuleOverrides(null, null, null, null, null, null, mapOf("hero", null), null, null)),
        refused("pin", () -> new RuleOverrides(null, null, null, null, null, null, mapOf(null, 1), null, null)));
  }

  @ParameterizedTest(name = "{index}: naming {0}")
  @MethodSource("badOverrides")
  void overridesThatBreakAnInvariantCannotBeMadeAndTheErrorNamesTheValue(String named, Supplier<RuleOverrides> make) {
    InvalidRuleException error = assertThrows(InvalidRuleException.class, make::get);

    assertTrue(error.getMessage().contains(named), error.getMessage());
  }
}
