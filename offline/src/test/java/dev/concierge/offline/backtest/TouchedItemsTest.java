package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TouchedItemsTest {

  private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3");
  private static final int ITEMS = 30;

  @Property
  void aListLeavesOutEveryItemItsShopperTouchedAndKeepsTheRestInOrderUpToTheLimit(
      @ForAll("touches") List<String[]> touches, @ForAll("lists") List<String> ranked,
      @ForAll @IntRange(min = 0, max = 2) int customer, @ForAll @IntRange(min = 1, max = 40) int limit) {
    TouchedItems touched = new TouchedItems();
    Map<String, Set<String>> expected = new HashMap<>();
    for (String[] touch : touches) {
      touched.touch(touch[0], touch[1]);
      expected.computeIfAbsent(touch[0], c -> new HashSet<>()).add(touch[1]);
    }
    String shopper = CUSTOMERS.get(customer);
    Set<String> known = expected.getOrDefault(shopper, Set.of());

    ExcludedItems excluded = touched.of(shopper);
    List<String> kept = excluded.leaveOut(ranked, limit);

    List<String> untouched = new ArrayList<>(ranked);
    untouched.removeAll(known);
    assertEquals(untouched.subList(0, Math.min(limit, untouched.size())), kept);
    kept.forEach(item -> assertFalse(known.contains(item), item + " was touched"));
    assertEquals(known.size(), excluded.size());
    assertEquals(known, excluded.itemIds());
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(known.contains(item(i)), excluded.contains(item(i)));
    }
  }

  @Property(tries = 20)
  void aShopperWhoTouchedNothingKeepsTheWholeList(@ForAll("lists") List<String> ranked) {
    TouchedItems touched = new TouchedItems();
    touched.touch("someone-else", item(0));

    ExcludedItems excluded = touched.of("c1");

    assertEquals(ranked, excluded.leaveOut(ranked, ranked.size() + 1));
    assertTrue(excluded.size() == 0 && !excluded.contains(item(0)) && excluded.itemIds().isEmpty());
  }

  @Provide
  Arbitrary<List<String[]>> touches() {
    Arbitrary<String[]> touch = Arbitraries.of(CUSTOMERS)
        .flatMap(customer -> Arbitraries.integers().between(0, ITEMS - 1).map(i -> new String[] {customer, item(i)}));
    return touch.list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<String>> lists() {
    return Arbitraries.integers().between(0, ITEMS - 1).map(TouchedItemsTest::item).list().uniqueElements().ofMaxSize(ITEMS);
  }

  private static String item(int i) {
    return "item-" + i;
  }
}
