package dev.concierge.engine;

import dev.concierge.models.Catalog;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.FeatureState;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.EventRecorded;
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
import dev.concierge.persistence.serialization.KryoSerializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.ShardCoordinator.ShardAllocationStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

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
 */
public final class CustomerEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CustomerEntity.Command, JournalEvent, CustomerEntity.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Customer");

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
   */
  public record SourcedEvent(CustomerEvent event, KafkaSource source) implements KryoSerializable {}

  /** Rank items for this shopper, under the configured business rules changed by {@code rules}. */
  public record Decide(DecisionQuery query, RuleOverrides rules, ActorRef<Decision> replyTo) implements Command {}

  /** Read the live features. */
  public record GetFeatures(ActorRef<CustomerFeatures> replyTo) implements Command {}

  /** Fire the delivery triggers that are due: sent by the customer's own timers and to itself. */
  public record CheckTriggers() implements Command {}

  private static final CheckTriggers CHECK_TRIGGERS = new CheckTriggers();
  private static final String CART_TIMER = "cart-trigger";
  private static final String STOCK_TIMER = "stock-trigger";

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
  private final TimerScheduler<Command> timers;
  private final ActorRef<Command> self;
  private final int shard;
  // when this actor started, until its recovery is measured: a recovery after a restart (a persist that
  // failed) is not a shopper's wait for a customer to start, and is not measured
  private long startedAt;

  private CustomerEntity(
      String customerId, CustomerContext context, TimerScheduler<Command> timers, ActorRef<Command> self) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), customerId),
        RESTART_ON_PERSIST_FAILURE);
    this.customerId = customerId;
    this.context = context;
    this.settings = context.settings();
    this.vocabulary = context.vocabulary();
    this.triggers = context.triggers();
    this.timers = timers;
    this.self = self;
    this.shard = context.shards().shardOf(customerId);
    this.startedAt = System.nanoTime();
  }

  // timers around the event-sourced behaviour, as Pekko's docs have it; they are lost when the actor
  // stops, so recovery arms them again from the state
  public static Behavior<Command> create(String customerId, CustomerContext context) {
    return Behaviors.setup(actor -> Behaviors.withTimers(
        timers -> new CustomerEntity(customerId, context, timers, actor.getSelf())));
  }

  /** The entity without an actor around it, for tests that drive its handlers directly: it arms no timers. */
  static CustomerEntity detached(String customerId, CustomerContext context) {
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
  public CommandHandlerWithReply<Command, JournalEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(RecordEvents.class, this::onRecordEvents)
        .onCommand(Decide.class, this::onDecide)
        .onCommand(GetFeatures.class, this::onGetFeatures)
        .onCommand(CheckTriggers.class, this::onCheckTriggers)
        .build();
  }

  private ReplyEffect<JournalEvent, State> onRecordEvents(State state, RecordEvents command) {
    context.shards().activity().recordEvents(shard, command.events().size());
    Catalog catalog = context.catalog().get();
    List<EventAck> acks = new ArrayList<>(command.events().size());
    List<EventRecorded> fresh = new ArrayList<>(command.events().size());
    // the window learns of an event only once it is persisted, so a repeat within the command is caught here
    Set<String> inThisCommand = new HashSet<>();
    for (SourcedEvent sourced : command.events()) {
      CustomerEvent event = sourced.event();
      boolean duplicate = state.hasRecorded(sourced) || !inThisCommand.add(event.eventId());
      acks.add(new EventAck(event.eventId(), duplicate));
      if (!duplicate) {
        fresh.add(new EventRecorded(event, catalog.categoryOf(event.itemId()), sourced.source()));
      }
    }
    EventAcks reply = new EventAcks(acks);
    if (fresh.isEmpty()) {
      // redeliveries: acknowledge so the offsets are committed, but change nothing
      return Effect().reply(command.replyTo(), reply);
    }
    List<JournalEvent> journal = new ArrayList<>(fresh);
    journal.addAll(triggers.stockToAwait(fresh, catalog));
    return Effect().persist(journal).thenRun(this::lookAtTriggers).thenReply(command.replyTo(), s -> reply);
  }

  private ReplyEffect<JournalEvent, State> onDecide(State state, Decide command) {
    context.shards().activity().recordDecision(shard);
    return Effect().reply(command.replyTo(), decide(state, command.query(), command.rules()));
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
      self.tell(CHECK_TRIGGERS);
    }
  }

  private void armTriggers(State state) {
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
    lookAtTriggers(state);
  }

  @Override
  public EventHandler<State, JournalEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(EventRecorded.class, this::onEventRecorded)
        .onEvent(TriggerFired.class, (state, fired) -> {
          State live = live(state);
          live.triggers.onFired(fired);
          return live;
        })
        .onEvent(StockAwaited.class, (state, awaited) -> {
          State live = live(state);
          live.triggers.onStockAwaited(awaited);
          return live;
        })
        .build();
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
            state.triggers.memory());
      }

      @Override
      public State fromJournal(Object from) {
        CustomerSnapshot snapshot = (CustomerSnapshot) from;
        return new State(
            FeatureState.of(snapshot.features(), vocabulary, settings.features()),
            EventIdWindow.of(settings.dedupeWindow(), snapshot.recentEventKeys()),
            PersistedOffsets.of(snapshot.highestOffsets()),
            TriggerState.of(snapshot.triggers(), triggers.rules().maxTracked()),
            false);
      }
    };
  }
}
