package dev.concierge.engine;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.FeatureState;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.HistoryMerged;
import dev.concierge.models.IdentityMerges;
import dev.concierge.models.JournalEvent;
import dev.concierge.models.StockAwaited;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.triggers.TriggerState;
import dev.concierge.engine.triggers.CustomerTriggers;
import dev.concierge.engine.triggers.TriggerRecord;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.PersistedOffsets;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.models.rules.RuleOverrides;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.persistence.serialization.KryoSerializable;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.cluster.sharding.ShardCoordinator.ShardAllocationStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shopper, sharded across the cluster and event-sourced to Cassandra.
 *
 * <p>{@link RecordEvents} persists an {@link EventRecorded} for each of its events not recorded before,
 * all of them in one atomic write; the event handler folds each into the compact {@link FeatureState}
 * with the feature function of models/. A record Kafka delivers again is recognised exactly, by its
 * offset ({@link PersistedOffsets}); an event a client sent twice, by its id within the dedupe window.
 * {@link Decide} ranks the catalog for the shopper from the live features, and
 * {@link GetFeatures} returns an immutable copy of them. The state is mutable and changed by the event
 * handler; a decision changes only how it codes items (the shared codes of items the catalog took in
 * since, {@link FeatureState#adoptSharedCodes}), never what it says. Snapshots take an immutable copy
 * ({@link CustomerSnapshot}) on the actor's thread.
 *
 * <p>The delivery triggers ({@link CustomerTriggers}) are folded from the same journal; the actor asks
 * them what is due after each recorded command, on its timers and when it recovers, persists each
 * firing as a {@link TriggerFired} and only then publishes it, with the shopper's recommendations.
 *
 * <p><b>Identity merge.</b> A merge event (an anonymous shopper logged in as this customer) is recorded like
 * any other, so offsets and the id window cover it and it is acknowledged as any other; recording it makes
 * its {@code fromCustomerId} pending ({@link IdentityMerges}). The customer then asks that customer's
 * actor, through {@link CustomerDirectory}, to hand its history over ({@link HandOverHistory}), a bounded
 * number of times ({@link CustomerSettings.Merge}), and persists what it got as a {@link HistoryMerged},
 * whose handler absorbs it ({@link FeatureState#absorb}) and marks the id merged: a merge redelivered, or
 * sent again with a new event id, absorbs nothing twice. While a hand-over is under way the customer's
 * later events wait in the stash (so that they come after the merged history, as in offline replay),
 * and decisions and feature reads are answered at once; a hand-over that fails every attempt is logged,
 * lets the events through and stays pending, asked again when the customer next recovers. A merge still
 * pending after a crash is asked again when recovery completes. The other customer keeps its history,
 * and whatever it records after the hand-over stays its own. A customer that took over a history, or
 * awaits one, hands over none ({@link IdentityMerges#handsOverHistory}): a chain or a cycle of merges
 * would otherwise bring an event back to a customer that counted it already.
 */
public final class CustomerEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CustomerEntity.Command, JournalEvent, CustomerEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Customer");

  private static final Logger LOG = LoggerFactory.getLogger(CustomerEntity.class);

  // one strategy for all customers: built per entity it costs ~100 bytes each (BENCHMARKS.md)
  private static final BackoffSupervisorStrategy RESTART_ON_PERSIST_FAILURE =
      SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1);

  public sealed interface Command extends KryoSerializable {}

  /**
   * Record events of this customer: each record of the events topic once, and each event id once within
   * the dedupe window. Those not recorded before are persisted together or not at all, so that the
   * command asked again after its persist landed is recognised whole, by its offsets.
   */
  public record RecordEvents(List<SourcedEvent> events, ActorRef<EventAcks> replyTo) implements Command {
    public RecordEvents {
      events = List.copyOf(events);
    }
  }

  /**
   * An event and where ingestion read it.
   *
   * @param source its record of the events topic, or {@code null} for an event that did not come from
   *     Kafka: only its id then tells a repeat
   * @param traceparent the W3C context of the span that ingested it, the parent of its persist's span; {@code
   *     null} when tracing is off. A message field only: the journal's {@link EventRecorded} does not keep it
   */
  public record SourcedEvent(CustomerEvent event, KafkaSource source, String traceparent) implements KryoSerializable {

    /** An event whose recording is not traced. */
    public SourcedEvent(CustomerEvent event, KafkaSource source) {
      this(event, source, null);
    }
  }

  /**
   * Rank items for this shopper, under the configured business rules changed by {@code rules}.
   *
   * @param traceparent the W3C context of the ask's span, the parent of the ranking's span; {@code null} when
   *     tracing is off
   */
  public record Decide(DecisionQuery query, RuleOverrides rules, String traceparent, ActorRef<Decision> replyTo)
      implements Command {}

  /** Read the live features. */
  public record GetFeatures(ActorRef<CustomerFeatures> replyTo) implements Command {}

  /** Fire the delivery triggers that are due: sent by the customer's own timers and to itself. */
  public record CheckTriggers() implements Command {}

  private static final CheckTriggers CHECK_TRIGGERS = new CheckTriggers();
  /** The span of a traced decision's ranking, in the customer's actor. */
  public static final String RECOMMEND_SPAN = "recommend";
  /** The span of a traced event's write to the journal, in the customer's actor. */
  public static final String PERSIST_SPAN = "persist";
  /** The persist span's event once the journal acknowledged the write and the event was applied. */
  public static final String APPLIED_EVENT = "applied";
  private static final AttributeKey<String> CUSTOMER_ID = AttributeKey.stringKey("concierge.customer_id");
  private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("concierge.event_id");
  private static final AttributeKey<Long> EVENTS_IN_WRITE = AttributeKey.longKey("concierge.events_in_write");
  private static final AttributeKey<String> MODEL_VERSION = AttributeKey.stringKey("concierge.model_version");
  private static final AttributeKey<Long> ITEMS = AttributeKey.longKey("concierge.items");
  private static final String CART_TIMER = "cart-trigger";
  private static final String STOCK_TIMER = "stock-trigger";

  /**
   * Hand this customer's history over to a customer that merges it: the features as they are now. The
   * customer handing over keeps them, and goes on as before.
   */
  public record HandOverHistory(ActorRef<CustomerFeatures> replyTo) implements Command {}

  /**
   * What a customer learnt of its ask for {@code fromCustomerId}'s history: the features, or (after every
   * attempt failed) why not. Sent to itself.
   */
  public record HistoryHandedOver(String fromCustomerId, CustomerFeatures features, String failure) implements Command {}

  /**
   * The events of a {@link RecordEvents} after a merge whose history it awaits, with the acknowledgements of
   * those before: sent to itself, so that they wait until the history is absorbed, and recorded after it.
   */
  public record RecordRemainder(List<SourcedEvent> events, List<EventAck> acks, ActorRef<EventAcks> replyTo)
      implements Command {
    public RecordRemainder {
      events = List.copyOf(events);
      acks = List.copyOf(acks);
    }
  }

  /** @param duplicate true when the event id was already recorded, so nothing changed */
  public record EventAck(String eventId, boolean duplicate) implements KryoSerializable {}

  /** One acknowledgement per event of a {@link RecordEvents}, in its order. */
  public record EventAcks(List<EventAck> acks) implements KryoSerializable {
    public EventAcks {
      acks = List.copyOf(acks);
    }
  }

  /**
   * @param modelVersion the model that ranked the items
   * @param experiment   the A/B experiment the customer is in, or {@code null}
   * @param arm          the customer's arm of it, or {@code null}
   */
  public record Decision(String modelVersion, String experiment, String arm, List<RankedItem> items)
      implements KryoSerializable {
    public Decision {
      items = List.copyOf(items);
    }
  }

  /**
   * The in-memory state: compact live features, the dedupe window and the persisted offsets, changed in
   * place by the event handler. The empty state is the exception: Pekko keeps the object
   * {@link #emptyState()} gave and starts from it again when the actor restarts after a failed persist,
   * so the first event replaces it with a fresh state instead of changing it.
   */
  public static final class State {
    private final FeatureState features;
    private final EventIdWindow recentEventIds;
    private final PersistedOffsets persistedOffsets;
    private final TriggerState triggers;
    private final boolean empty;
    // null until the customer's first merge: most customers never merge
    private IdentityMerges merges;
    // not persisted: the customer whose history is being asked for now, or null, and those whose every
    // attempt failed in this incarnation (null until one does). Set and cleared by the side effects of the
    // command handler; a recovered state starts without them, and asks again
    private String handingOverFrom;
    private Set<String> givenUp;

    State(
        FeatureState features, EventIdWindow recentEventIds, PersistedOffsets persistedOffsets, TriggerState triggers,
        boolean empty) {
      this.features = features;
      this.recentEventIds = recentEventIds;
      this.persistedOffsets = persistedOffsets;
      this.triggers = triggers;
      this.empty = empty;
    }

    public FeatureState features() {
      return features;
    }

    /** The customers whose history was merged in, oldest first. */
    public List<String> mergedFrom() {
      return merges == null ? List.of() : merges.merged();
    }

    /** The customers whose history a recorded merge still awaits, oldest first. */
    public List<String> pendingMerges() {
      return merges == null ? List.of() : merges.pending();
    }

    /** Whether the merge, once recorded, will await its customer's history: neither merged nor pending yet. */
    boolean wouldAwait(CustomerEvent merge) {
      return merges == null
          || (!merges.hasMerged(merge.fromCustomerId()) && !merges.isPending(merge.fromCustomerId()));
    }

    boolean isHandingOver() {
      return handingOverFrom != null;
    }

    private void endHandOver() {
      handingOverFrom = null;
    }

    private void giveUpHandOver() {
      if (givenUp == null) {
        givenUp = new HashSet<>();
      }
      givenUp.add(handingOverFrom);
      handingOverFrom = null;
    }

    /** The first pending merge not given up on in this incarnation, or null. */
    private String nextToAsk() {
      for (String from : pendingMerges()) {
        if (givenUp == null || !givenUp.contains(from)) {
          return from;
        }
      }
      return null;
    }

    private IdentityMerges merges() {
      if (merges == null) {
        merges = new IdentityMerges();
      }
      return merges;
    }

    /** Its record was persisted (a Kafka redelivery), or its id is among the recent ones (a client's retry). */
    public boolean hasRecorded(SourcedEvent sourced) {
      return (sourced.source() != null && persistedOffsets.covers(sourced.source()))
          || recentEventIds.contains(sourced.event().eventId());
    }
  }

  private final String customerId;
  private final CustomerContext context;
  private final CustomerSettings settings;
  private final Vocabulary vocabulary;
  private final CustomerTriggers triggers;
  // null without delivery triggers (and for the handlers alone): nothing then arms a timer
  private final TimerScheduler<Command> timers;
  private final int shard;
  // null only for the handlers alone (forHandlers), which never ask another customer
  private final ActorContext<Command> actor;
  // when this actor started, until its recovery is measured: a recovery after a restart (a persist that
  // failed) is not a shopper's wait for a customer to start, and is not measured
  private long startedAt;

  private CustomerEntity(
      String customerId, CustomerContext context, ActorContext<Command> actor, TimerScheduler<Command> timers) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), customerId),
        RESTART_ON_PERSIST_FAILURE);
    this.customerId = customerId;
    this.context = context;
    this.settings = context.settings();
    this.vocabulary = context.vocabulary();
    this.triggers = context.triggers();
    this.timers = timers;
    this.shard = context.shards().shardOf(customerId);
    this.actor = actor;
    this.startedAt = System.nanoTime();
  }

  // timers around the event-sourced behaviour, as Pekko's docs have it; they are lost when the actor
  // stops, so recovery arms them again from the state. Only the delivery triggers use them, and the timer
  // scheduler costs every customer in memory a few hundred bytes, so without triggers there is none
  public static Behavior<Command> create(String customerId, CustomerContext context) {
    if (!context.triggers().enabled()) {
      return Behaviors.setup(actor -> new CustomerEntity(customerId, context, actor, null));
    }
    return Behaviors.setup(actor -> Behaviors.withTimers(timers -> new CustomerEntity(customerId, context, actor, timers)));
  }

  /**
   * The entity outside an actor, for tests of its event handler and snapshots: it can ask no other
   * customer and arms no timers.
   */
  static CustomerEntity forHandlers(String customerId, CustomerContext context) {
    return new CustomerEntity(customerId, context, null, null);
  }

  /**
   * Registers the entity with Cluster Sharding on this node; every customer shares the context.
   * Operators' shard moves go through {@code allocation}.
   */
  public static void init(ActorSystem<?> system, CustomerContext context, ShardAllocationStrategy allocation) {
    ClusterSharding.get(system).init(
        Entity.of(ENTITY_KEY, entity -> create(entity.getEntityId(), context))
            .withMessageExtractor(context.shards().<Command>extractor())
            .withAllocationStrategy(allocation));
  }

  @Override
  public State emptyState() {
    return freshState(true);
  }

  private State freshState(boolean empty) {
    return new State(
        new FeatureState(settings.features()), new EventIdWindow(settings.dedupeWindow()), new PersistedOffsets(),
        triggers.emptyState(), empty);
  }

  @Override
  // one function, not the javadsl builder: the builder's cases, lambdas and lists are made for every customer
  // in memory, about 100 B per command and per event type (BENCHMARKS.md, "The whole live sharded entity")
  public CommandHandlerWithReply<Command, JournalEvent, State> commandHandler() {
    return this::onCommand;
  }

  // the commands by how often they come
  private ReplyEffect<JournalEvent, State> onCommand(State state, Command command) {
    if (command instanceof RecordEvents record) {
      return onRecordEvents(state, record);
    } else if (command instanceof Decide decide) {
      return onDecide(state, decide);
    } else if (command instanceof GetFeatures read) {
      return onGetFeatures(state, read);
    } else if (command instanceof RecordRemainder remainder) {
      return onRecordRemainder(state, remainder);
    } else if (command instanceof CheckTriggers check) {
      return onCheckTriggers(state, check);
    } else if (command instanceof HandOverHistory handOver) {
      return onHandOverHistory(state, handOver);
    } else if (command instanceof HistoryHandedOver handedOver) {
      return onHistoryHandedOver(state, handedOver);
    }
    throw new IllegalArgumentException("no handler for " + command.getClass().getName());
  }

  private ReplyEffect<JournalEvent, State> onRecordEvents(State state, RecordEvents command) {
    if (state.isHandingOver()) {
      // after the merged history; Pekko's stash is bounded, and the hand-over is too
      return Effect().stash();
    }
    context.shards().activity().recordEvents(shard, command.events().size());
    return record(state, command.events(), List.of(), command.replyTo());
  }

  private ReplyEffect<JournalEvent, State> onRecordRemainder(State state, RecordRemainder command) {
    if (state.isHandingOver()) {
      return Effect().stash();
    }
    return record(state, command.events(), command.acks(), command.replyTo());
  }

  /**
   * Records the events not recorded before, up to and including the first merge that will await its
   * customer's history; the events after it wait for that history ({@link RecordRemainder}), and the
   * command is acknowledged whole once they are recorded too.
   */
  private ReplyEffect<JournalEvent, State> record(
      State state, List<SourcedEvent> events, List<EventAck> earlierAcks, ActorRef<EventAcks> replyTo) {
    Catalog catalog = context.catalog().get();
    List<EventAck> acks = new ArrayList<>(earlierAcks.size() + events.size());
    acks.addAll(earlierAcks);
    List<EventRecorded> fresh = new ArrayList<>(events.size());
    // the window learns of an event only once it is persisted, so a repeat within the command is caught here
    Set<String> inThisCommand = new HashSet<>();
    // made only for events that carry a trace, so never while tracing is off
    List<Span> persisting = null;
    int next = 0;
    boolean awaitsHistory = false;
    while (next < events.size() && !awaitsHistory) {
      SourcedEvent sourced = events.get(next++);
      CustomerEvent event = sourced.event();
      boolean duplicate = state.hasRecorded(sourced) || !inThisCommand.add(event.eventId());
      acks.add(new EventAck(event.eventId(), duplicate));
      if (!duplicate) {
        String category = event.isMerge() ? null : catalog.categoryOf(event.itemId());
        fresh.add(new EventRecorded(event, category, sourced.source()));
        awaitsHistory = event.isMerge() && state.wouldAwait(event);
        if (sourced.traceparent() != null) {
          persisting = persisting == null ? new ArrayList<>() : persisting;
          persisting.add(persistSpan(sourced, events.size()));
        }
      }
    }
    if (fresh.isEmpty()) {
      // redeliveries: acknowledge so the offsets are committed, but change nothing
      return Effect().reply(replyTo, new EventAcks(acks));
    }
    List<JournalEvent> journal = new ArrayList<>(fresh);
    journal.addAll(triggers.stockToAwait(fresh, catalog));
    EffectBuilder<JournalEvent, State> persist = Effect().persist(journal);
    if (persisting != null) {
      List<Span> persisted = persisting;
      persist = persist.thenRun(applied -> persisted.forEach(CustomerEntity::applied));
    }
    persist = persist.thenRun(this::lookAtTriggers);
    if (!awaitsHistory) {
      EventAcks reply = new EventAcks(acks);
      return persist.thenReply(replyTo, s -> reply);
    }
    persist = persist.thenRun(this::askForPendingHistory);
    List<SourcedEvent> rest = events.subList(next, events.size());
    if (rest.isEmpty()) {
      EventAcks reply = new EventAcks(acks);
      return persist.thenReply(replyTo, s -> reply);
    }
    RecordRemainder remainder = new RecordRemainder(rest, acks, replyTo);
    return persist.thenRun(s -> actor.getSelf().tell(remainder)).thenNoReply();
  }

  private ReplyEffect<JournalEvent, State> onHandOverHistory(State state, HandOverHistory command) {
    if (!IdentityMerges.handsOverHistory(state.merges)) {
      LOG.info("customer {} took over another's history, so it hands over none: a merge moves only a history of"
          + " its own", customerId);
      return Effect().reply(command.replyTo(), CustomerFeatures.EMPTY);
    }
    return Effect().reply(command.replyTo(), state.features.view(vocabulary));
  }

  private ReplyEffect<JournalEvent, State> onHistoryHandedOver(State state, HistoryHandedOver answer) {
    String from = answer.fromCustomerId();
    if (!from.equals(state.handingOverFrom)) {
      // the answer to an ask of an earlier incarnation, which recovery asked again
      return Effect().noReply();
    }
    if (answer.features() == null) {
      LOG.warn(
          "customer {} could not take over the history of {} ({} attempts): {}; the merge stays pending and is"
              + " asked again when the customer next recovers", customerId, from, settings.merge().attempts(),
          answer.failure());
      return Effect().none()
          .thenRun(failed -> {
            failed.giveUpHandOver();
            askForPendingHistory(failed);
          })
          .thenNoReply()
          .thenUnstashAll();
    }
    if (!state.pendingMerges().contains(from)) {
      return Effect().none().thenRun(State::endHandOver).thenNoReply().thenUnstashAll();
    }
    return Effect().persist((JournalEvent) new HistoryMerged(from, answer.features()))
        .thenRun(merged -> {
          merged.endHandOver();
          askForPendingHistory(merged);
        })
        .thenNoReply()
        .thenUnstashAll();
  }

  /** Asks for the history of the first pending merge not given up on, unless an ask is under way. */
  private void askForPendingHistory(State state) {
    String from = state.isHandingOver() ? null : state.nextToAsk();
    if (from == null) {
      return;
    }
    state.handingOverFrom = from;
    CustomerSettings.Merge merge = settings.merge();
    // read here, on the actor's thread: the attempts after the first run on the scheduler's
    Scheduler scheduler = actor.getSystem().scheduler();
    CompletionStage<CustomerFeatures> history = Patterns.retry(
        () -> askOnce(from, merge, scheduler),
        merge.attempts() - 1,
        merge.retryBackoff(),
        actor.getSystem().classicSystem().scheduler(),
        actor.getExecutionContext());
    actor.pipeToSelf(history, (features, failure) ->
        new HistoryHandedOver(from, features, failure == null ? null : String.valueOf(failure.getMessage())));
  }

  // on any thread: it touches nothing of the actor's
  private CompletionStage<CustomerFeatures> askOnce(String from, CustomerSettings.Merge merge, Scheduler scheduler) {
    RecipientRef<Command> other;
    try {
      other = context.customers().customer(from);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return AskPattern.<Command, CustomerFeatures>ask(other, HandOverHistory::new, merge.askTimeout(), scheduler)
        .whenComplete((features, failure) -> {
          if (failure != null) {
            LOG.debug("customer {} asked {} for its history in vain: {}", customerId, from, failure.toString());
          }
        });
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        .onSignal(PostStop.instance(), state -> context.meters().stopped())
        .build();
  }

  private void onRecovered(State state) {
    if (startedAt != 0) {
      context.meters().recovered(System.nanoTime() - startedAt);
      startedAt = 0;
    }
    askForPendingHistory(state);
    lookAtTriggers(state);
  }

  // from the command to the journal's acknowledgement of the write, after which the event is in the features
  private Span persistSpan(SourcedEvent sourced, int eventsInCommand) {
    return context.tracing().span(PERSIST_SPAN, SpanKind.INTERNAL)
        .setParent(context.tracing().parent(sourced.traceparent()))
        .setAttribute(CUSTOMER_ID, customerId)
        .setAttribute(EVENT_ID, sourced.event().eventId())
        .setAttribute(EVENTS_IN_WRITE, eventsInCommand)
        .startSpan();
  }

  private static void applied(Span persist) {
    persist.addEvent(APPLIED_EVENT);
    persist.end();
  }

  private ReplyEffect<JournalEvent, State> onDecide(State state, Decide command) {
    context.shards().activity().recordDecision(shard);
    if (command.traceparent() == null) {
      return Effect().reply(command.replyTo(), decide(state, command.query(), command.rules()));
    }
    Span ranking = context.tracing().span(RECOMMEND_SPAN, SpanKind.INTERNAL)
        .setParent(context.tracing().parent(command.traceparent()))
        .setAttribute(CUSTOMER_ID, customerId)
        .startSpan();
    try (Scope current = Tracing.activate(ranking)) {
      Decision decision = decide(state, command.query(), command.rules());
      ranking.setAttribute(MODEL_VERSION, decision.modelVersion());
      ranking.setAttribute(ITEMS, decision.items().size());
      return Effect().reply(command.replyTo(), decision);
    } finally {
      ranking.end();
    }
  }

  private Decision decide(State state, DecisionQuery query, RuleOverrides rules) {
    ActiveModel.Served served = context.models().choose(query.customerId());
    List<RankedItem> items =
        context
            .recommender()
            .recommend(
                served.model(), state.features, vocabulary, context.catalog().get(), context.trends(), query,
                context.rules().withOverrides(rules), context.clock().millis());
    return new Decision(served.model().version(), served.experiment(), served.arm(), items);
  }

  private ReplyEffect<JournalEvent, State> onGetFeatures(State state, GetFeatures command) {
    return Effect().reply(command.replyTo(), state.features.view(vocabulary));
  }

  // each firing is persisted before it is published, so that a crash in between loses a record rather
  // than sending one twice, and the rule's interval holds whatever happens to the actor
  private ReplyEffect<JournalEvent, State> onCheckTriggers(State state, CheckTriggers command) {
    List<TriggerFired> due = triggers.due(state.triggers, context.clock().instant(), context.catalog().get());
    if (due.isEmpty()) {
      return Effect().none().thenRun(this::armTriggers).thenNoReply();
    }
    return Effect()
        .persist(List.<JournalEvent>copyOf(due))
        .thenRun(fired -> {
          Decision top = decide(fired, triggers.query(customerId), RuleOverrides.NONE);
          due.forEach(firing -> triggers.log().publish(
              new TriggerRecord(customerId, firing, top.modelVersion(), top.items())));
          armTriggers(fired);
        })
        .thenNoReply();
  }

  // after events or a recovery: arm the timers for what may fall due later, and fire what is due now
  private void lookAtTriggers(State state) {
    if (!triggers.enabled()) {
      return;
    }
    armTriggers(state);
    if (!triggers.due(state.triggers, context.clock().instant(), context.catalog().get()).isEmpty()) {
      actor.getSelf().tell(CHECK_TRIGGERS);
    }
  }

  private void armTriggers(State state) {
    if (timers == null) {
      return;
    }
    Instant now = context.clock().instant();
    triggers.untilCartCheck(state.triggers, now).ifPresentOrElse(
        delay -> timers.startSingleTimer(CART_TIMER, CHECK_TRIGGERS, delay), () -> timers.cancel(CART_TIMER));
    triggers.stockCheckEvery(state.triggers).ifPresentOrElse(
        every -> {
          if (!timers.isTimerActive(STOCK_TIMER)) {
            timers.startTimerWithFixedDelay(STOCK_TIMER, CHECK_TRIGGERS, every);
          }
        },
        () -> timers.cancel(STOCK_TIMER));
  }

  @Override
  public EventHandler<State, JournalEvent> eventHandler() {
    return this::onEvent;
  }

  private State onEvent(State state, JournalEvent event) {
    if (event instanceof EventRecorded recorded) {
      return onEventRecorded(state, recorded);
    } else if (event instanceof HistoryMerged merged) {
      return onHistoryMerged(state, merged);
    }
    State live = live(state);
    if (event instanceof TriggerFired fired) {
      live.triggers.onFired(fired);
    } else {
      live.triggers.onStockAwaited((StockAwaited) event);
    }
    return live;
  }

  private State live(State state) {
    return state.empty ? freshState(false) : state;
  }

  // the horizon is read now, also while recovering: an event recorded beyond it (before the edges refused
  // such events, or under another node's clock) then counts a little later than it did live, but never
  // later than the clock allows
  private State onEventRecorded(State state, EventRecorded recorded) {
    State live = live(state);
    live.features.apply(recorded.event(), recorded.category(), vocabulary, settings.features(), context.horizon());
    live.triggers.onEvent(
        recorded, context.horizon().countedMillis(recorded.event().timestamp()), live.features.sessionStartedAtMillis());
    live.recentEventIds.add(recorded.event().eventId());
    if (recorded.source() != null) {
      live.persistedOffsets.advanceTo(recorded.source());
    }
    if (recorded.event().isMerge()) {
      live.merges().request(recorded.event().fromCustomerId());
    }
    return live;
  }

  // absorbed only while pending, so that the history of one customer is never absorbed twice
  private State onHistoryMerged(State state, HistoryMerged merged) {
    State live = live(state);
    if (live.merges().complete(merged.fromCustomerId())) {
      live.features.absorb(merged.features(), vocabulary, settings.features());
    }
    return live;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), settings.keepSnapshots());
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(State state) {
        return new CustomerSnapshot(
            state.features.view(vocabulary), state.recentEventIds.keys(), state.persistedOffsets.highest(),
            state.mergedFrom(), state.pendingMerges(), state.triggers.memory());
      }

      @Override
      public State fromJournal(Object from) {
        CustomerSnapshot snapshot = (CustomerSnapshot) from;
        State state = new State(
            FeatureState.of(snapshot.features(), vocabulary, settings.features()),
            EventIdWindow.of(settings.dedupeWindow(), snapshot.recentEventKeys()),
            PersistedOffsets.of(snapshot.highestOffsets()),
            TriggerState.of(snapshot.triggers(), triggers.rules().maxTracked()),
            false);
        if (!snapshot.mergedFrom().isEmpty() || !snapshot.pendingMerges().isEmpty()) {
          state.merges = IdentityMerges.of(snapshot.mergedFrom(), snapshot.pendingMerges());
        }
        return state;
      }
    };
  }
}
