package dev.concierge.engine.sharding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How busy each shard is on this node: events and decisions its customers handled in about the last
 * minute. Customer actors count into one array per kind (no allocation on the hot path); a timer
 * calls {@link #sample()} at a fixed period, and the rate is today's count minus the one a window ago.
 * Counts stay with the node: after a move, the new node's count starts from zero, and the shard's
 * rate is the sum over nodes.
 */
public final class ShardActivity {

  /** One shard's activity over the window. */
  public record ShardRate(String shardId, long events, long decisions) {
    public long total() {
      return events + decisions;
    }
  }

  private final int shards;
  private final AtomicLongArray events;
  private final AtomicLongArray decisions;
  // rings of past totals, [slot][shard]
  private final long[][] eventSamples;
  private final long[][] decisionSamples;
  // the ring starts with one sample of all zeros: the totals when this node began counting
  private int newest;
  private int taken = 1;

  /**
   * @param shards          the number of shards
   * @param samplesInWindow how many sampling periods make the window (a minute at 5 s is 12)
   */
  public ShardActivity(int shards, int samplesInWindow) {
    this.shards = shards;
    this.events = new AtomicLongArray(shards);
    this.decisions = new AtomicLongArray(shards);
    this.eventSamples = new long[samplesInWindow + 1][shards];
    this.decisionSamples = new long[samplesInWindow + 1][shards];
  }

  public void recordEvents(int shard, int count) {
    events.addAndGet(shard, count);
  }

  public void recordDecision(int shard) {
    decisions.incrementAndGet(shard);
  }

  /** Takes the totals of now; the oldest sample in the ring falls out of the window. */
  public synchronized void sample() {
    newest = (newest + 1) % eventSamples.length;
    for (int shard = 0; shard < shards; shard++) {
      eventSamples[newest][shard] = events.get(shard);
      decisionSamples[newest][shard] = decisions.get(shard);
    }
    taken = Math.min(taken + 1, eventSamples.length);
  }

  /** Shards with any activity in the window, as of the last sample. */
  public synchronized List<ShardRate> rates() {
    // until the ring is full, the window reaches back to when this node began counting
    int oldest = Math.floorMod(newest - (taken - 1), eventSamples.length);
    List<ShardRate> rates = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      long eventCount = eventSamples[newest][shard] - eventSamples[oldest][shard];
      long decisionCount = decisionSamples[newest][shard] - decisionSamples[oldest][shard];
      if (eventCount > 0 || decisionCount > 0) {
        rates.add(new ShardRate(Integer.toString(shard), eventCount, decisionCount));
      }
    }
    return rates;
  }
}
