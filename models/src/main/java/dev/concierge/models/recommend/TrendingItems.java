package dev.concierge.models.recommend;

import java.util.Arrays;

/**
 * What is trending on this node right now: per item code, interactions decayed with a half-life.
 * Each node sees the customers of its own shards, a sample of all traffic, which is enough to rank
 * trends. Writers (the ingestion stream) take a lock; readers (decisions) read without one and may
 * see a score a moment old.
 *
 * <p>Scores are kept as of a reference time and scaled up, not decayed down, on each event: one
 * multiplication per event instead of one per item; they are rescaled before they could overflow.
 */
public final class TrendingItems {

  private static final int INITIAL_CAPACITY = 1024;
  private static final double RESCALE_AT = 1e30;

  private final double halfLifeMillis;
  private final int topSize;
  private volatile float[] scaled = new float[INITIAL_CAPACITY];
  private long referenceMillis = Long.MIN_VALUE;
  private long latestMillis = Long.MIN_VALUE;
  private volatile double readScale = 1;
  private volatile int[] top = new int[0];
  private final int[] topScratch;

  /** @param topSize how many trending items {@link #top} offers as candidates */
  public TrendingItems(long halfLifeMillis, int topSize) {
    this.halfLifeMillis = halfLifeMillis;
    this.topSize = topSize;
    this.topScratch = new int[topSize];
  }

  public synchronized void record(int item, double weight, long atMillis) {
    if (item < 0) {
      return;
    }
    if (referenceMillis == Long.MIN_VALUE) {
      referenceMillis = atMillis;
    }
    latestMillis = Math.max(latestMillis, atMillis);
    if (growthAt(latestMillis) > RESCALE_AT) {
      rescale(growthAt(latestMillis), latestMillis);
    }
    float[] scores = ensureCapacity(item);
    scores[item] += (float) (weight * growthAt(atMillis));
    readScale = 1 / growthAt(latestMillis);
  }

  /** The item's trend score as of the newest event seen, comparable across items. */
  public double scoreOf(int item) {
    float[] scores = scaled;
    return item >= 0 && item < scores.length ? scores[item] * readScale : 0;
  }

  /** The most trending item codes, best first, as of the last {@link #refreshTop}. */
  public int[] top() {
    return top;
  }

  /** Recomputes {@link #top}: a scan of every item, so call it now and then, not per event. */
  public synchronized void refreshTop() {
    float[] scores = scaled;
    int size = 0;
    for (int item = 0; item < scores.length; item++) {
      if (scores[item] > 0) {
        size = insert(scores, item, size);
      }
    }
    top = Arrays.copyOf(topScratch, size);
  }

  private int insert(float[] scores, int item, int size) {
    int at = size;
    while (at > 0 && scores[topScratch[at - 1]] < scores[item]) {
      at--;
    }
    if (at >= topSize) {
      return size;
    }
    int moved = Math.min(size, topSize - 1) - at;
    System.arraycopy(topScratch, at, topScratch, at + 1, moved);
    topScratch[at] = item;
    return Math.min(size + 1, topSize);
  }

  private double growthAt(long atMillis) {
    return Math.pow(2, (atMillis - referenceMillis) / halfLifeMillis);
  }

  private void rescale(double growth, long atMillis) {
    float[] scores = scaled;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) (scores[i] / growth);
    }
    referenceMillis = atMillis;
  }

  private float[] ensureCapacity(int item) {
    float[] scores = scaled;
    if (item >= scores.length) {
      scores = Arrays.copyOf(scores, Math.max(item + 1, scores.length * 2));
      scaled = scores;
    }
    return scores;
  }
}
