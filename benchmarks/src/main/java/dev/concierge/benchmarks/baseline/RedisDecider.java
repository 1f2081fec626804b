package dev.concierge.benchmarks.baseline;

import dev.concierge.api.FeatureReader;
import dev.concierge.engine.decision.DecisionDeadline;
import dev.concierge.engine.decision.DecisionLog;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.engine.decision.DecisionService;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.rules.RuleOverrides;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decision as the seed architecture's model server makes it: read the customer's features from
 * Redis, rebuild the compact state from them (as a node recovers a customer from a snapshot), and
 * rank with the node's recommender, model, catalog and rules. Like a node's {@code DecisionService},
 * it never fails a shopper: when Redis does not answer within the node's deadline (less the reserve),
 * the same recommender ranks for a shopper it knows nothing about, flagged {@code fallback}. A
 * customer Redis does not hold is one without events, ranked as a node ranks a new customer, not a
 * fallback.
 */
final class RedisDecider {

  private static final Logger log = LoggerFactory.getLogger(RedisDecider.class);

  private final FeatureReader features;
  private final ServingContext context;
  private final Duration timeout;
  private final DecisionLog decisionLog;
  private final NodeMetrics metrics;
  private final Executor executor;
  private final ThrottledWarning fallbackWarning;

  /**
   * @param features  the customer's features as Redis holds them ({@link RedisFeatureStore#features})
   * @param warnEvery at most one fallback is logged per this interval
   */
  RedisDecider(
      FeatureReader features, ServingContext context, DecisionDeadline deadline, DecisionLog decisionLog,
      NodeMetrics metrics, Executor executor, Duration warnEvery) {
    this.features = features;
    this.context = context;
    this.timeout = deadline.actorTimeout();
    this.decisionLog = decisionLog;
    this.metrics = metrics;
    this.executor = executor;
    this.fallbackWarning = new ThrottledWarning(log, warnEvery);
  }

  /** As the node's {@code DecisionService}: the outcome goes to {@code answer} in the same task. */
  <T> CompletionStage<T> decide(DecisionQuery query, RuleOverrides rules, Function<DecisionOutcome, T> answer) {
    return features
        .features(query.customerId())
        .toCompletableFuture()
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .handleAsync((stored, failure) -> answer.apply(answer(query, rules, stored, failure)), executor);
  }

  /** Ranks with the stored features, or as for a shopper it knows nothing about when Redis failed or was late. */
  private DecisionOutcome answer(DecisionQuery query, RuleOverrides rules, CustomerFeatures stored, Throwable failure) {
    boolean fallback = failure != null;
    if (fallback) {
      metrics.fellBack(failure);
      fallbackWarning.warn("decision for {} fell back to popular items: {}", query.customerId(), failure.toString());
    }
    DecisionOutcome outcome = ranked(query, rules, fallback ? CustomerFeatures.EMPTY : stored, fallback);
    metrics.decided(fallback);
    decisionLog.record(outcome);
    return outcome;
  }

  private DecisionOutcome ranked(DecisionQuery query, RuleOverrides rules, CustomerFeatures stored, boolean fallback) {
    FeatureState state = FeatureState.of(stored, context.vocabulary(), context.settings().features());
    ActiveModel.Served served = context.models().choose(query.customerId());
    List<RankedItem> items =
        context
            .recommender()
            .recommend(
                served.model(), state, context.vocabulary(), context.catalog().get(), context.trends().get(), query,
                context.rules().withOverrides(rules), context.clock().millis());
    return new DecisionOutcome(
        DecisionService.newDecisionId(), query.customerId(), served.model().version(), served.experiment(),
        served.arm(), fallback, items, null);
  }
}
