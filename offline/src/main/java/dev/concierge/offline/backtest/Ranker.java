package dev.concierge.offline.backtest;

import dev.concierge.models.FeatureState;
import java.util.List;

/** One model as the backtest sees it: ranked item ids for a shopper at a moment. */
@FunctionalInterface
public interface Ranker {

  /**
   * @param state     the shopper's features just before the moment; read only
   * @param nowMillis the moment, as the live decision would have had it
   * @return at most {@code limit} item ids, best first
   */
  List<String> rank(String customerId, FeatureState state, long nowMillis, int limit);

  /**
   * At most {@code limit} item ids, best first, none of them {@code excluded}. By default the ranker is
   * asked for as many more items as are excluded, which are then left out; a ranker that can leave them
   * out itself, and so skip work on items that would be dropped, overrides this.
   */
  default List<String> rank(String customerId, FeatureState state, long nowMillis, int limit, ExcludedItems excluded) {
    if (excluded.size() == 0) {
      return rank(customerId, state, nowMillis, limit);
    }
    return excluded.leaveOut(rank(customerId, state, nowMillis, limit + excluded.size()), limit);
  }
}
