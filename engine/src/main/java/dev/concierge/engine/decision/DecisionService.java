package dev.concierge.engine.decision;

import dev.concierge.engine.CustomerContext;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import dev.concierge.models.rules.RuleOverrides;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Asks a customer's actor for a decision, and never fails a shopper: when the actor does not answer
 * within its share of the {@link DecisionDeadline} (it is recovering from a slow or unreachable
 * Cassandra, say), the same recommender ranks for a shopper it knows nothing about (popular and
 * trending items, under the same rules), flagged {@code fallback}.
 */
public final class DecisionService {

  private static final Logger log = LoggerFactory.getLogger(DecisionService.class);
  /** The span of a traced decision's ask to the customer's actor, a child of the request's. */
  public static final String ASK_SPAN = "ask customer";
  /** The MDC key of the decision a log line is about; JSON logs carry it as a field of its own. */
  public static final String DECISION_ID = "decisionId";
  private static final AttributeKey<String> CUSTOMER_ID_ATTRIBUTE = AttributeKey.stringKey("concierge.customer_id");
  private static final AttributeKey<String> DECISION_ID_ATTRIBUTE = AttributeKey.stringKey("concierge.decision_id");
  private static final AttributeKey<Boolean> FALLBACK_ATTRIBUTE = AttributeKey.booleanKey("concierge.fallback");

  private final ClusterSharding sharding;
  private final CustomerContext context;
  private final Duration timeout;
  private final Executor executor;
  private final DecisionLog decisionLog;
  private final NodeMetrics metrics;
  private final ThrottledWarning fallbackWarning;
  private final Tracing tracing;

  /** @param warnEvery at most one fallback is logged per this interval; the metrics count them all */
  public DecisionService(
      ActorSystem<?> system, CustomerContext context, DecisionDeadline deadline, DecisionLog decisionLog,
      NodeMetrics metrics, Duration warnEvery, Tracing tracing) {
    this.sharding = ClusterSharding.get(system);
    this.context = context;
    this.timeout = deadline.actorTimeout();
    this.executor = system.executionContext();
    this.decisionLog = decisionLog;
    this.metrics = metrics;
    this.fallbackWarning = new ThrottledWarning(log, warnEvery);
    this.tracing = tracing;
  }

  /**
   * Asks the customer's actor and, in one task on the system's dispatcher, counts and logs the outcome
   * (the fallback's when the actor did not answer in time) and hands it to {@code answer}: the caller's
   * rendering, so that a decision takes one hand-off after the actor's reply, not one per stage.
   *
   * <p>With tracing on, the ask is a span, a child of the caller's current one (the request's), and the
   * customer's actor ranks in a child of it; with tracing off there is no span ({@link Span#getInvalid()}, a
   * constant whose methods do nothing) and the message carries no context.
   */
  public <T> CompletionStage<T> decide(DecisionQuery query, RuleOverrides rules, Function<DecisionOutcome, T> answer) {
    long asked = System.nanoTime();
    Span ask = tracing.enabled()
        ? tracing.span(ASK_SPAN, SpanKind.CLIENT).setAttribute(CUSTOMER_ID_ATTRIBUTE, query.customerId()).startSpan()
        : Span.getInvalid();
    String traceparent = tracing.enabled() ? Tracing.traceparent(ask) : null;
    return sharding
        .entityRefFor(CustomerEntity.ENTITY_KEY, query.customerId())
        .<CustomerEntity.Decision>ask(replyTo -> new CustomerEntity.Decide(query, rules, traceparent, replyTo), timeout)
        .handleAsync(
            (decision, failure) -> {
              DecisionOutcome outcome = answered(ask, query, rules, decision, failure);
              T answered = answer.apply(outcome);
              metrics.decisionTook(outcome.fallback(), System.nanoTime() - asked);
              return answered;
            },
            executor);
  }

  // in the ask's span, so that a fallback's warning names its trace
  private DecisionOutcome answered(
      Span ask, DecisionQuery query, RuleOverrides rules, CustomerEntity.Decision decision, Throwable failure) {
    try (Scope current = Tracing.activate(ask)) {
      DecisionOutcome outcome =
          logged(failure == null ? personal(query, decision, ask) : fallback(query, rules, failure, ask));
      if (ask.isRecording()) {
        ask.setAttribute(DECISION_ID_ATTRIBUTE, outcome.decisionId());
        ask.setAttribute(FALLBACK_ATTRIBUTE, outcome.fallback());
      }
      Tracing.ended(ask, failure);
      return outcome;
    }
  }

  private static DecisionOutcome personal(DecisionQuery query, CustomerEntity.Decision decision, Span ask) {
    return outcome(newDecisionId(), query, decision.modelVersion(), decision.experiment(), decision.arm(),
        decision.items(), false, ask);
  }

  private DecisionOutcome logged(DecisionOutcome outcome) {
    metrics.decided(outcome.fallback());
    decisionLog.record(outcome);
    return outcome;
  }

  private DecisionOutcome fallback(DecisionQuery query, RuleOverrides rules, Throwable failure, Span ask) {
    metrics.fellBack(failure);
    String decisionId = newDecisionId();
    // the warning names the decision, so that it is found in the decisions topic and the shopper's answer
    MDC.put(DECISION_ID, decisionId);
    try {
      fallbackWarning.warn("decision for {} fell back to popular items: {}", query.customerId(), failure.toString());
    } finally {
      MDC.remove(DECISION_ID);
    }
    ActiveModel.Served served = context.models().choose(query.customerId());
    List<RankedItem> items =
        context
            .recommender()
            .recommend(
                served.model(), new FeatureState(context.settings().features()), context.vocabulary(), context.catalog().get(),
                context.trends(), query, context.rules().withOverrides(rules), context.clock().millis());
    return outcome(decisionId, query, served.model().version(), served.experiment(), served.arm(), items, true, ask);
  }

  private static DecisionOutcome outcome(
      String decisionId, DecisionQuery query, String modelVersion, String experiment, String arm,
      List<RankedItem> items, boolean fallback, Span ask) {
    return new DecisionOutcome(
        decisionId, query.customerId(), modelVersion, experiment, arm, fallback, items, Tracing.traceId(ask));
  }

  /**
   * A version-4 UUID without SecureRandom's lock: ids only need to be unique, not unguessable. Public
   * for the benchmarks' Redis baseline, which answers with ids made the same way.
   */
  public static String newDecisionId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long versionFour = (random.nextLong() & ~0xF000L) | 0x4000L;
    long ietfVariant = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
    return new UUID(versionFour, ietfVariant).toString();
  }
}
