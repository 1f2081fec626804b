package dev.concierge.offline.backtest;

import dev.concierge.models.Interner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The items each shopper has touched, by any event, since the replay began: what makes a case a repeat,
 * and what the honest protocol leaves out of every list. Unlike the live state's recent lists it forgets
 * nothing, so an item viewed months ago still counts as known.
 */
final class TouchedItems {

  // never added to: what a shopper not seen yet has touched
  private static final IntSet NOTHING = new IntSet();

  // codes of its own: interning items the catalog does not hold into the replay's vocabulary would
  // change how the replayed states code them
  private final Interner items = new Interner(Integer.MAX_VALUE);
  private final Map<String, IntSet> byCustomer = new HashMap<>();

  void touch(String customerId, String itemId) {
    byCustomer.computeIfAbsent(customerId, customer -> new IntSet()).add(items.intern(itemId));
  }

  /** What {@code from} touched counts as touched by {@code into} too, after {@code into} merged it. */
  void absorb(String from, String into) {
    IntSet touched = byCustomer.get(from);
    if (touched != null) {
      IntSet merged = byCustomer.computeIfAbsent(into, customer -> new IntSet());
      touched.forEach(merged::add);
    }
  }

  /** What the shopper has touched so far. */
  ExcludedItems of(String customerId) {
    return new Touched(byCustomer.getOrDefault(customerId, NOTHING));
  }

  private final class Touched implements ExcludedItems {
    private final IntSet codes;

    Touched(IntSet codes) {
      this.codes = codes;
    }

    @Override
    public int size() {
      return codes.size();
    }

    @Override
    public boolean contains(String itemId) {
      return codes.contains(items.codeOf(itemId));
    }

    @Override
    public Set<String> itemIds() {
      Set<String> itemIds = new HashSet<>(codes.size() * 2);
      codes.forEach(code -> itemIds.add(items.nameOf(code)));
      return itemIds;
    }
  }
}
