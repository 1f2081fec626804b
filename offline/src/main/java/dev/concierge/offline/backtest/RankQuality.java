package dev.concierge.offline.backtest;

import java.util.List;

/**
 * How well one model ranked the items shoppers went on to click or buy, each case having a single
 * relevant item. Every rate is 0 when there were no cases.
 *
 * @param cases     clicks and purchases judged
 * @param hitRateAt HR@K at index K - 1: the share of cases whose item was in the top K
 * @param ndcgAt    NDCG@K at index K - 1: the mean of 1 / log2(rank + 1) over cases ranked within K
 * @param mrr       the mean reciprocal rank, 0 for a case whose item was not in the list at all
 */
public record RankQuality(long cases, List<Double> hitRateAt, List<Double> ndcgAt, double mrr) {

  public RankQuality {
    hitRateAt = List.copyOf(hitRateAt);
    ndcgAt = List.copyOf(ndcgAt);
  }

  public int maxK() {
    return hitRateAt.size();
  }

  public double hitRate(int k) {
    return hitRateAt.get(k - 1);
  }

  public double ndcg(int k) {
    return ndcgAt.get(k - 1);
  }
}
