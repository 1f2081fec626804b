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
}
