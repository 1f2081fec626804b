package dev.concierge.offline.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The items a judged list must leave out: under the honest protocol, those its shopper touched. */
public interface ExcludedItems {

  ExcludedItems NONE = new ExcludedItems() {
    @Override
    public int size() {
      return 0;
    }

    @Override
    public boolean contains(String itemId) {
      return false;
    }

    @Override
    public Set<String> itemIds() {
      return Set.of();
    }
  };

  int size();

  boolean contains(String itemId);

  /** The items as a set of ids, built on each call. */
  Set<String> itemIds();

  /** The first {@code limit} items of {@code ranked} not left out, in their order. */
  default List<String> leaveOut(List<String> ranked, int limit) {
    List<String> kept = new ArrayList<>(Math.min(limit, ranked.size()));
    for (int i = 0; i < ranked.size() && kept.size() < limit; i++) {
      String itemId = ranked.get(i);
      if (!contains(itemId)) {
        kept.add(itemId);
      }
    }
    return kept;
  }
}
