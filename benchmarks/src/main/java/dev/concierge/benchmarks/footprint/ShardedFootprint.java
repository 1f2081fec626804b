package dev.concierge.benchmarks.footprint;

import dev.concierge.engine.sharding.CustomerShards;
import dev.concierge.engine.sharding.ShardActivity;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.benchmarks.footprint.CompactRepresentation.CompactState;
import dev.concierge.engine.CustomerContext;
import dev.concierge.engine.CustomerDirectory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.rules.RulesSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrendingItems;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * The heap of a whole live customer: a one-node cluster with sharding, {@code entities} customers
 * started, and the heap it then holds per customer. That adds Pekko's cost per actor (cell, mailbox,
 * behavior, the shard's bookkeeping and the passivation strategy's) to the state's.
 *
 * <p>Two kinds of entity: a plain stand-in behavior holding the compact state folded from the full
 * history, and the real {@link CustomerEntity}, event-sourced to Pekko's in-memory journal with no
 * events, so it holds its empty state (which is as large as a full one: every array is allocated
 * full-length) and no journal contents count.
 */
final class ShardedFootprint {

  private static final int SHARDS = 10;
  private static final int ACTIVITY_SAMPLES = 12;

  enum Kind {
    STAND_IN("stand-in behavior + compact state"),
    CUSTOMER_ENTITY("CustomerEntity (event-sourced)");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** Asks in flight at once: well under the shard region's buffer while the cluster comes up. */
  private static final int IN_FLIGHT = 1_000;
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);
  /** Beyond the longest timer, for the scheduler to reach it. */
  private static final Duration TIMER_MARGIN = Duration.ofSeconds(2);
  /** The persistence timers a recovering entity starts; their cancelled tasks linger until due. */
  private static final List<String> RECOVERY_TIMERS = List.of(
      "pekko.persistence.journal-plugin-fallback.recovery-event-timeout",
      "pekko.persistence.journal-plugin-fallback.circuit-breaker.call-timeout",
      "pekko.persistence.snapshot-store-plugin-fallback.circuit-breaker.call-timeout");
  private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(60);
  /** Entities started before measuring, per shard, so that every shard exists before the baseline reading. */
  private static final int WARM_UP_ENTITIES_PER_SHARD = 10;
  /** The production passivation strategy stays, with a limit this many times the entities, so none passivate. */
  private static final int ENTITY_LIMIT_HEADROOM = 4;
  /** Classes listed in the growth table; the rest are summed. */
  private static final int CLASSES_SHOWN = 20;

  private final Workload workload;
  private final CompactRepresentation compact;
  private final HeapMeter meter;

  ShardedFootprint(Workload workload, HeapMeter meter) {
    this.workload = workload;
    this.compact = new CompactRepresentation(workload);
    this.meter = meter;
  }

  /**
   * Bytes of heap per started entity, and where they went, in a fresh actor system.
   *
   * @param justStarted per entity once all answered: includes timers that are cancelled but not yet
   *     dropped from the scheduler's wheel (the asks' timeouts, the recovery's)
   * @param steady      per entity once those timers are due: what a live customer keeps
   * @param classGrowth the classes whose live objects grew most, per entity, at the steady reading
   */
  record Result(double justStarted, double steady, String classGrowth) {}

  Result measure(Kind kind, int entities) throws Exception {
    Config defaults = ConfigFactory.load();
    int warmUp = WARM_UP_ENTITIES_PER_SHARD * defaults.getInt("pekko.cluster.sharding.number-of-shards");
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "footprint", config(defaults, entities + warmUp));
    try {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      CustomerContext context = context(system.settings().config().getConfig("concierge"));
      ClusterSharding sharding = ClusterSharding.get(system);
      sharding.init(Entity.of(CustomerEntity.ENTITY_KEY, entity -> behavior(kind, entity.getEntityId(), context)));
      // warm-up customers come after the measured ones, so both take ids of the same form
      start(sharding, entities, warmUp);
      // taken before the first reading, so the histogram's own map is in both readings
      ClassHistogram classesBefore = ClassHistogram.take();
      long before = meter.settledUsedBytes();
      start(sharding, 0, entities);
      long justStarted = meter.settledUsedBytes();
      // a timed wait, not a heap one: the scheduler drops a cancelled task only when it falls due
      Thread.sleep(longestTimer(system.settings().config()).plus(TIMER_MARGIN).toMillis());
      long steady = meter.settledUsedBytes();
      String growth = ClassHistogram.take().growthSince(classesBefore, entities, CLASSES_SHOWN);
      return new Result((justStarted - before) / (double) entities, (steady - before) / (double) entities, growth);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(TERMINATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static Duration longestTimer(Config config) {
    Duration longest = ASK_TIMEOUT;
    for (String path : RECOVERY_TIMERS) {
      Duration timer = config.getDuration(path);
      longest = timer.compareTo(longest) > 0 ? timer : longest;
    }
    return longest;
  }

  /** The node's configuration, with a local one-node cluster and persistence that keeps nothing on disk. */
  private static Config config(Config defaults, int liveEntities) {
    long entityLimit = (long) ENTITY_LIMIT_HEADROOM * liveEntities;
    return ConfigFactory.parseString(String.join("\n",
            "pekko.loglevel = WARNING",
            "pekko.actor.provider = cluster",
            "pekko.remote.artery.canonical.hostname = \"127.0.0.1\"",
            "pekko.remote.artery.canonical.port = 0",
            "pekko.cluster.jmx.enabled = off",
            "pekko.cluster.sharding.passivation.default-strategy.active-entity-limit = " + entityLimit,
            "pekko.persistence.journal.plugin = \"pekko.persistence.journal.inmem\"",
            "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.no-snapshot-store\""))
        .withFallback(defaults);
  }

  /** What every customer actor on a node shares; only the vocabulary matters to reading features. */
  private CustomerContext context(Config concierge) {
    Config trending = concierge.getConfig("trending");
    Catalog catalog = Catalog.of(workload.catalog());
    return new CustomerContext(
        workload.settings(),
        () -> catalog,
        workload.vocabulary(),
        new ActiveModel(workload.vocabulary(), concierge.getInt("recommender.popular-per-list")),
        new TrendingItems(trending.getDuration("half-life").toMillis(), trending.getInt("top")),
        RulesSettings.fromConfig(concierge.getConfig("rules")),
        new Recommender(workload.settings().recommender(), workload.settings().features()),
        Clock.systemUTC(),
        EventHorizon.NONE,
        CustomerShards.byHash(SHARDS, new ShardActivity(SHARDS, ACTIVITY_SAMPLES)),
        CustomerDirectory.NONE);
  }

  private Behavior<CustomerEntity.Command> behavior(Kind kind, String entityId, CustomerContext context) {
    return switch (kind) {
      case CUSTOMER_ENTITY -> CustomerEntity.create(entityId, context);
      case STAND_IN -> Behaviors.setup(actor -> standIn(compact.build(FullHistory.customerIndex(entityId))));
    };
  }

  /** Holds the state and answers feature reads, as the real entity does, without persistence. */
  private Behavior<CustomerEntity.Command> standIn(CompactState state) {
    return Behaviors.receiveMessage(command -> {
      if (command instanceof CustomerEntity.GetFeatures read) {
        read.replyTo().tell(state.features().view(workload.vocabulary()));
      }
      return Behaviors.same();
    });
  }

  /** Starts customers {@code from} .. {@code from + count - 1} by reading their features, and waits for all. */
  private static void start(ClusterSharding sharding, int from, int count) {
    List<CompletableFuture<CustomerFeatures>> inFlight = new ArrayList<>(IN_FLIGHT);
    for (int customer = from; customer < from + count; customer++) {
      inFlight.add(sharding
          .entityRefFor(CustomerEntity.ENTITY_KEY, FullHistory.customerId(customer))
          .<CustomerFeatures>ask(CustomerEntity.GetFeatures::new, ASK_TIMEOUT)
          .toCompletableFuture());
      if (inFlight.size() == IN_FLIGHT) {
        awaitAll(inFlight);
      }
    }
    awaitAll(inFlight);
  }

  private static void awaitAll(List<CompletableFuture<CustomerFeatures>> inFlight) {
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    inFlight.clear();
  }
}
