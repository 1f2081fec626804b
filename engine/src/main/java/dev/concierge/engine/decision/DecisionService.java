package dev.concierge.engine.decision;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.Catalog;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.PopularityAffinityRanker;
import dev.concierge.models.RankedItem;
import dev.concierge.models.RankingSettings;
import dev.concierge.models.ShopperProfile;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a customer's actor for a decision, and never fails a shopper: when the actor does not answer
 * within the timeout, the answer is the catalog's popular items, flagged {@code fallback}.
 */
public final class DecisionService {

  /** The ranking this engine serves until trained models arrive. */
  public static final String MODEL_VERSION = "popularity-affinity-v1";

  private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

  private final ClusterSharding sharding;
  private final Supplier<Catalog> catalog;
  private final PopularityAffinityRanker fallbackRanker;
  private final Duration timeout;
  private final Executor executor;
  private final LongAdder fallbacks = new LongAdder();

  public DecisionService(
      ActorSystem<?> system, Supplier<Catalog> catalog, RankingSettings ranking, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.catalog = catalog;
    this.fallbackRanker = new PopularityAffinityRanker(ranking);
    this.timeout = timeout;
    this.executor = system.executionContext();
  }

  public CompletionStage<DecisionOutcome> decide(DecisionQuery query) {
    return sharding
        .entityRefFor(CustomerEntity.ENTITY_KEY, query.customerId())
        .<CustomerEntity.Decision>ask(replyTo -> new CustomerEntity.Decide(query, replyTo), timeout)
        .handleAsync(
            (decision, failure) ->
                failure == null ? outcome(query, decision.items(), false) : fallback(query, failure),
            executor);
  }

  /** How many decisions were answered with the fallback since start. */
  public long fallbackCount() {
    return fallbacks.sum();
  }

  private DecisionOutcome fallback(DecisionQuery query, Throwable failure) {
    fallbacks.increment();
    log.warn("decision for {} fell back to popular items: {}", query.customerId(), failure.toString());
    return outcome(query, fallbackRanker.rank(catalog.get(), ShopperProfile.ANONYMOUS, query), true);
  }

  private static DecisionOutcome outcome(DecisionQuery query, List<RankedItem> items, boolean fallback) {
    return new DecisionOutcome(newDecisionId(), query.customerId(), MODEL_VERSION, fallback, items);
  }

  // a version-4 UUID without SecureRandom's lock: ids only need to be unique, not unguessable
  private static String newDecisionId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long versionFour = (random.nextLong() & ~0xF000L) | 0x4000L;
    long ietfVariant = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
    return new UUID(versionFour, ietfVariant).toString();
  }
}
