package dev.concierge.benchmarks.baseline;

import com.typesafe.config.Config;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.models.Interner;
import dev.concierge.models.recommend.TrendingItems;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model server's copy of the writer's trends, read from Redis on a schedule: decisions read the
 * latest copy without waiting, so the trends are at most one poll (plus one publish) old, where a
 * node's trend scores change with every event it ingests and its list of top items every refresh.
 */
final class TrendsFeed implements Supplier<TrendingItems> {

  private static final Logger log = LoggerFactory.getLogger(TrendsFeed.class);

  private final RedisFeatureStore store;
  private final Interner items;
  private final long halfLifeMillis;
  private final int top;
  private final Executor executor;
  private final ThrottledWarning failedWarning;
  private volatile TrendingItems current;

  private TrendsFeed(
      RedisFeatureStore store, Interner items, long halfLifeMillis, int top, Executor executor, Duration warnEvery) {
    this.store = store;
    this.items = items;
    this.halfLifeMillis = halfLifeMillis;
    this.top = top;
    this.executor = executor;
    this.failedWarning = new ThrottledWarning(log, warnEvery);
    this.current = TrendsSnapshot.NONE.toTrends(items, halfLifeMillis, top);
  }

  /** @param trending the node's {@code concierge.trending}, so that both keep as many top items */
  static TrendsFeed start(
      ActorSystem<?> system, RedisFeatureStore store, Interner items, Config trending, Duration every) {
    TrendsFeed feed =
        new TrendsFeed(
            store, items, trending.getDuration("half-life").toMillis(), trending.getInt("top"),
            system.executionContext(), every);
    RepeatedTask.start(system, "trends-feed", Duration.ZERO, every, feed::poll);
    return feed;
  }

  @Override
  public TrendingItems get() {
    return current;
  }

  private void poll() {
    store.trends().whenCompleteAsync(
        (snapshot, failure) -> {
          if (failure == null) {
            current = snapshot.toTrends(items, halfLifeMillis, top);
          } else {
            failedWarning.warn(
                "could not read the trends from Redis: {}; decisions keep the last ones read ({} top items)",
                failure.toString(), current.top().length);
          }
        },
        executor);
  }
}
