package dev.concierge.offline.backtest;

import dev.concierge.models.Interner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items each shopper has touched, by any event, since the replay began: what makes a case a repeat,
 * and what the honest protocol leaves out of every list. Unlike the live state's recent lists it forgets
 * nothing, so an item viewed months ago still counts as known.
 */
final class TouchedItems {

  private static final IntSet NOTHING = new IntSet();

  // codes of its own: interning items the catalog does not hold into the replay's vocabulary would
  // change how the replayed states code them
  private final Interner items = new Interner(Integer.MAX_VALUE);
  private final Map<String, IntSet> byCustomer = new HashMap<>();

  void touch(String customerId, String itemId) {
    byCustomer.computeIfAbsent(customerId, customer -> new IntSet()).add(items.intern(itemId));
  }

  boolean touched(String customerId, String itemId) {
    return of(customerId).contains(items.codeOf(itemId));
  }

  /** How many distinct items the shopper touched: how much longer a list must be to keep its length without them. */
  int count(String customerId) {
    return of(customerId).size();
  }

  /** The first {@code limit} items of {@code ranked} the shopper has not touched, in their order. */
  List<String> leaveOut(String customerId, List<String> ranked, int limit) {
    IntSet touched = of(customerId);
    List<String> kept = new ArrayList<>(Math.min(limit, ranked.size()));
    for (int i = 0; i < ranked.size() && kept.size() < limit; i++) {
      String itemId = ranked.get(i);
      if (!touched.contains(items.codeOf(itemId))) {
        kept.add(itemId);
      }
    }
    return kept;
  }

  private IntSet of(String customerId) {
    return byCustomer.getOrDefault(customerId, NOTHING);
  }
}
