package dev.concierge.engine.sharding;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Gauges of the shards this node hosts and of the customers in memory in them, from its shard region,
 * asked on a schedule: a scrape reads the last answer and never waits for the region. When the region
 * does not answer in time the gauges keep their last values.
 */
public final class HostedShardsGauges {

  private final AtomicInteger shards = new AtomicInteger();
  private final AtomicInteger entities = new AtomicInteger();
  private final LocalShards localShards;

  private HostedShardsGauges(LocalShards localShards) {
    this.localShards = localShards;
  }

  public static void start(ActorSystem<?> system, LocalShards localShards, MeterRegistry registry, Duration every) {
    HostedShardsGauges gauges = new HostedShardsGauges(localShards);
    Gauge.builder("concierge.sharding.shards", gauges.shards, AtomicInteger::get)
        .description("shards of customers this node hosts").register(registry);
    Gauge.builder("concierge.sharding.entities", gauges.entities, AtomicInteger::get)
        .description("customer actors in memory on this node").register(registry);
    Executor executor = system.executionContext();
    system.scheduler().scheduleAtFixedRate(Duration.ZERO, every, () -> gauges.poll(executor), system.executionContext());
  }

  // the count is an ask's stage: its answer is taken on the node's executor, not on whatever thread completed it
  private void poll(Executor executor) {
    localShards.hosted().thenAcceptAsync(this::show, executor);
  }

  private void show(Map<String, Integer> hosted) {
    shards.set(hosted.size());
    entities.set(hosted.values().stream().mapToInt(Integer::intValue).sum());
  }
}
