package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IntSetTest {

  @Property
  void holdsExactlyWhatWasAddedAsAHashSetWould(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 500) Integer> added,
      @ForAll @Size(max = 50) List<@IntRange(min = -5, max = 600) Integer> probes) {
    IntSet set = new IntSet();
    Set<Integer> expected = new HashSet<>();

    for (int value : added) {
      assertEquals(expected.add(value), set.add(value), "add says whether the value was new");
    }

    assertEquals(expected.size(), set.size());
    for (int value : added) {
      assertEquals(true, set.contains(value));
    }
    for (int probe : probes) {
      assertEquals(expected.contains(probe), set.contains(probe), "probe " + probe);
    }
  }

  @Property
  void largeAndSparseValuesAreHeldToo(@ForAll @Size(max = 100) List<@IntRange(min = 0) Integer> added) {
    IntSet set = new IntSet();
    added.forEach(set::add);

    assertEquals(new HashSet<>(added).size(), set.size());
    added.forEach(value -> assertEquals(true, set.contains(value)));
  }

  @Property(tries = 10)
  void negativeValuesAreRefused(@ForAll @IntRange(min = Integer.MIN_VALUE, max = -1) int negative) {
    assertThrows(IllegalArgumentException.class, () -> new IntSet().add(negative));
  }
}
