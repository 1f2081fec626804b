package dev.concierge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerEntity.EventAck;
import dev.concierge.engine.CustomerEntity.EventAcks;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.HistoryMerged;
import dev.concierge.models.JournalEvent;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The customer actor merges an anonymous shopper's history: the merge event is recorded and acknowledged
 * like any other, the anonymous customer's actor hands its features over, and the known customer absorbs
 * them once, through recovery too. The anonymous customers here are real entities on the same in-memory
 * journal, reached through a {@link CustomerDirectory} as sharding would reach them.
 */
// one actor system for the class: the extension shuts down only the kit of the last test instance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class CustomerEntityMergeTest {

  private static final int SNAPSHOT_EVERY = 3;
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration PATIENT = Duration.ofSeconds(10);
  private static final AtomicInteger RUN = new AtomicInteger();

  @JUnit5TestKit
  ActorTestKit testKit =
      new JUnit5TestKitBuilder()
          .withCustomConfig(
              EventSourcedBehaviorTestKit.config()
                  .withFallback(ConfigFactory.parseString(String.join("\n",
                      "concierge.customer.snapshot-every = " + SNAPSHOT_EVERY,
                      "concierge.customer.merge.ask-timeout = 300ms",
                      "concierge.customer.merge.attempts = 2",
                      "concierge.customer.merge.retry-backoff = 50ms")))
                  .withFallback(ConfigFactory.load()))
          .build();

  private final Catalog catalog =
      Catalog.of(
          List.of(
              item("shoe-1", "shoes", 50),
              item("shoe-2", "shoes", 40),
              item("tent-1", "tents", 500),
              item("tent-2", "tents", 400),
              item("sock-1", "socks", 300)));

  private final Vocabulary vocabulary = new Vocabulary(1_000, 100);
  private final Map<String, ActorRef<CustomerEntity.Command>> others = new ConcurrentHashMap<>();
  private final AtomicInteger handOversAsked = new AtomicInteger();
  private volatile boolean othersReachable = true;
  private volatile String unreachable;
  private CustomerContext context;

  private String known;
  private String anonymous;
  private EventSourcedBehaviorTestKit<CustomerEntity.Command, JournalEvent, CustomerEntity.State> customer;

  @BeforeEach
  void startCustomers() {
    CustomerSettings settings = CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    othersReachable = true;
    unreachable = null;
    handOversAsked.set(0);
    context = TestCustomerContext.of(settings, catalog, vocabulary, this::other);
    int run = RUN.incrementAndGet();
    known = "c-" + run;
    anonymous = "anon-" + run;
    customer = EventSourcedBehaviorTestKit.create(
        testKit.system(), CustomerEntity.create(known, context),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  /** The directory: another customer's actor, started on first use as sharding would start it. */
  private ActorRef<CustomerEntity.Command> other(String customerId) {
    handOversAsked.incrementAndGet();
    if (!othersReachable || customerId.equals(unreachable)) {
      throw new IllegalStateException("the other customer's shard is unreachable");
    }
    return entityOf(customerId);
  }

  private ActorRef<CustomerEntity.Command> entityOf(String customerId) {
    return others.computeIfAbsent(customerId, id -> testKit.spawn(CustomerEntity.create(id, context)));
  }

  @Test
  void afterAMergeTheKnownCustomersFeaturesHoldTheAnonymousHistory() throws Exception {
    record(known, view("k-1", known, "tent-2", 0));
    record(anonymous,
        view("a-1", anonymous, "shoe-1", 1),
        CustomerEvent.of("a-2", anonymous, EventType.ADD_TO_CART, "shoe-2", at(2)),
        CustomerEvent.of("a-3", anonymous, EventType.CLICK, "sock-1", at(3)));

    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, EventAcks> merged =
        recording(merge("m-1", 4));

    assertEquals(List.of(new EventAck("m-1", false)), merged.reply().acks(), "acknowledged as any event");
    assertEquals(new EventRecorded(merge("m-1", 4), null), merged.event(), "recorded without an item or category");
    CustomerFeatures features = mergedFeatures();
    assertEquals(2, features.events().view(), "the known view and the anonymous one");
    assertEquals(1, features.events().addToCart());
    assertEquals(1, features.events().click());
    assertEquals(List.of("sock-1", "tent-2", "shoe-2", "shoe-1"), features.recent().items(),
        "interleaved, the more recent shopper (the anonymous one) first");
    assertEquals(List.of("shoe-2"), features.carted().items());
    assertTrue(features.categoryAffinity().share("shoes") > features.categoryAffinity().share("tents"),
        features.categoryAffinity().toString());
    assertTrue(features.categoryAffinity().share("socks") > 0);
    assertEquals(3, anonymousFeatures().events().total(), "the anonymous customer keeps its history");
    assertEquals(List.of(anonymous), customer.getState().mergedFrom());
    assertEquals(List.of(), customer.getState().pendingMerges());
  }

  @Test
  void theMergedHistoryIsPersistedAndSurvivesRecoveryFromTheJournalAndFromASnapshot() {
    record(anonymous, view("a-1", anonymous, "shoe-1", 1), view("a-2", anonymous, "tent-1", 2));
    recording(merge("m-1", 3));
    CustomerFeatures merged = mergedFeatures();
    List<JournalEvent> journal = PersistenceTestKit.create(testKit.system()).persistedInStorage("Customer|" + known)
        .stream().map(JournalEvent.class::cast).toList();
    assertEquals(2, journal.size());
    assertEquals(new HistoryMerged(anonymous, anonymousFeatures()), journal.get(1));

    // events from other shoppers change the anonymous customer later: recovery absorbs what was handed over
    record(anonymous, view("a-3", anonymous, "sock-1", 5));
    customer.restart();
    assertEquals(merged, picture(customer.getState()), "recovered from the journal");

    record(known, view("k-1", known, "tent-2", 6), view("k-2", known, "tent-2", 7));
    CustomerFeatures afterMore = picture(customer.getState());
    customer.restart();
    assertEquals(afterMore, picture(customer.getState()), "recovered from a snapshot");
    assertEquals(List.of(anonymous), customer.getState().mergedFrom());
    assertEquals(1, handOversAsked.get(), "asked once, never again on recovery");
  }

  @Test
  void aRepeatedMergeAbsorbsNothingTwiceWhetherRedeliveredOrSentAgainWithANewId() {
    record(anonymous, view("a-1", anonymous, "shoe-1", 1), view("a-2", anonymous, "shoe-2", 2));
    recording(merge("m-1", 3));
    CustomerFeatures once = mergedFeatures();

    var redelivered = recording(merge("m-1", 3));
    assertEquals(List.of(new EventAck("m-1", true)), redelivered.reply().acks());
    assertTrue(redelivered.hasNoEvents());

    // the SDK sends a merge at every login, with a new event id
    var again = recording(merge("m-2", 10));
    assertEquals(List.of(new EventAck("m-2", false)), again.reply().acks());
    assertEquals(List.of(new EventRecorded(merge("m-2", 10), null)), again.events(), "recorded, but awaits nothing");
    assertEquals(once, picture(customer.getState()));
    assertEquals(once, picture(customer.getState()));
    assertEquals(1, handOversAsked.get());
    assertEquals(List.of(), customer.getState().pendingMerges());
  }

  @Test
  void aMergeFromACustomerWithoutHistoryIsAcknowledgedAndChangesNothing() {
    record(known, view("k-1", known, "tent-1", 0));
    CustomerFeatures before = picture(customer.getState());

    var merged = recording(CustomerEvent.merge("m-1", known, "anon-never-seen-" + RUN.get(), at(1)));

    assertEquals(List.of(new EventAck("m-1", false)), merged.reply().acks());
    Eventually.within(PATIENT, "the empty history is taken over", () -> customer.getState().pendingMerges().isEmpty());
    assertEquals(before, picture(customer.getState()));
    assertEquals(1, customer.getState().mergedFrom().size());
  }

  @Test
  void eventsAfterAMergeInTheSameCommandAreRecordedAfterTheMergedHistoryAndAcknowledgedTogether() throws Exception {
    record(anonymous, view("a-1", anonymous, "shoe-1", 1));
    ActorRef<CustomerEntity.Command> live = testKit.spawn(CustomerEntity.create(known + "-live", context));
    CustomerEvent merge = CustomerEvent.merge("m-1", known + "-live", anonymous, at(2));
    CustomerEvent after = view("k-1", known + "-live", "tent-1", 3);

    EventAcks acks = ask(live, List.of(
        new SourcedEvent(merge, new KafkaSource(0, 10)), new SourcedEvent(after, new KafkaSource(0, 11)),
        new SourcedEvent(after, new KafkaSource(0, 11))));

    assertEquals(List.of(new EventAck("m-1", false), new EventAck("k-1", false), new EventAck("k-1", true)), acks.acks());
    List<Object> journal = PersistenceTestKit.create(testKit.system()).persistedInStorage("Customer|" + known + "-live");
    assertEquals(3, journal.size(), journal.toString());
    assertInstanceOf(EventRecorded.class, journal.get(0));
    assertInstanceOf(HistoryMerged.class, journal.get(1), "the history comes before the later event");
    assertEquals(new EventRecorded(after, "tents", new KafkaSource(0, 11)), journal.get(2));
    CustomerFeatures features = features(live);
    assertEquals(List.of("tent-1", "shoe-1"), features.recent().items());
    assertTrue(ask(live, List.of(new SourcedEvent(after, new KafkaSource(0, 11)))).acks().get(0).duplicate());
  }

  @Test
  void aHandOverThatFailsEveryAttemptLetsLaterEventsThroughAndIsAskedAgainOnRecovery() {
    record(anonymous, view("a-1", anonymous, "shoe-1", 1));
    othersReachable = false;

    recording(merge("m-1", 2));
    Eventually.within(PATIENT, "every attempt was made", () -> handOversAsked.get() == 2);
    var later = recording(view("k-1", known, "tent-1", 3));

    assertEquals(List.of(new EventAck("k-1", false)), later.reply().acks(), "not held back for ever");
    assertEquals(List.of(anonymous), customer.getState().pendingMerges(), "still pending");
    assertEquals(1, picture(customer.getState()).events().total());

    // a crash and a recovery: the pending merge is asked again
    othersReachable = true;
    customer.restart();
    CustomerFeatures features = mergedFeatures();
    assertEquals(2, features.events().view());
    assertEquals(List.of(), customer.getState().pendingMerges());
  }

  @Test
  void aMergeGivenUpOnDoesNotHoldBackTheNextMergeFromAnotherCustomer() {
    String second = anonymous + "-second";
    record(second, view("b-1", second, "tent-1", 1));
    unreachable = anonymous;

    recording(merge("m-1", 2));
    Eventually.within(PATIENT, "every attempt for the first was made", () -> handOversAsked.get() == 2);
    recording(CustomerEvent.merge("m-2", known, second, at(3)));

    Eventually.within(PATIENT, "the second is merged", () -> customer.getState().mergedFrom().equals(List.of(second)));
    assertEquals(List.of(anonymous), customer.getState().pendingMerges(), "the first waits for the next recovery");
    assertEquals(List.of("tent-1"), picture(customer.getState()).recent().items());
  }

  @Test
  void theSnapshotHoldsTheMergesAndAPendingOneIsAskedAgainAfterRecoveryFromIt() {
    record(anonymous, view("a-1", anonymous, "shoe-1", 1));
    othersReachable = false;
    recording(merge("m-1", 2));
    record(known, view("k-1", known, "tent-1", 3), view("k-2", known, "tent-2", 4));

    CustomerSnapshot snapshot =
        (CustomerSnapshot) CustomerEntity.forHandlers(known, context).snapshotAdapter().toJournal(customer.getState());
    assertEquals(List.of(anonymous), snapshot.pendingMerges());
    testKit.serializationTestKit().verifySerialization(snapshot, true);

    othersReachable = true;
    customer.restart();
    assertEquals(3, mergedFeatures().events().view());
  }

  @Test
  void aCycleOfMergesCountsNoEventTwiceBecauseAHistoryThatHoldsAnothersIsNotHandedOver() {
    String a = known + "-a";
    String b = known + "-b";
    record(a, view("a-1", a, "shoe-1", 0));
    record(b, view("b-1", b, "tent-1", 1));

    // each command's later event is acknowledged only once the merge's history is absorbed
    ask(entityOf(a), List.of(sourced(CustomerEvent.merge("m-1", a, b, at(2))), sourced(view("a-2", a, "sock-1", 3))));
    assertEquals(3, features(entityOf(a)).events().view(), "a took b's own history");

    // b takes a back: a's history holds b's own view, which b would then count twice
    ask(entityOf(b), List.of(sourced(CustomerEvent.merge("m-2", b, a, at(4))), sourced(view("b-2", b, "tent-2", 5))));

    assertEquals(2, features(entityOf(b)).events().view(), "b's views once each, none back through a");
    assertEquals(3, features(entityOf(a)).events().view());
  }

  private static SourcedEvent sourced(CustomerEvent event) {
    return new SourcedEvent(event, null);
  }

  @Test
  void replayingTheEventsOfflineGivesTheFeaturesTheLiveMergeGave() {
    List<CustomerEvent> history = List.of(
        view("k-1", known, "tent-1", 0),
        view("a-1", anonymous, "shoe-1", 1),
        CustomerEvent.of("a-2", anonymous, EventType.PURCHASE, "sock-1", at(2)),
        view("a-3", anonymous, "made-up-item", 3),
        merge("m-1", 4),
        CustomerEvent.of("k-2", known, EventType.ADD_TO_CART, "tent-2", at(5)),
        merge("m-2", 6),
        view("a-4", anonymous, "shoe-2", 7));
    for (CustomerEvent event : history) {
      record(event.customerId(), event);
      if (event.isMerge()) {
        mergedFeatures();
      }
    }

    HistoryReplay replay = new HistoryReplay(
        CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge")).features(),
        new Vocabulary(1_000, 100), catalog);
    replay.replay(history, Instant.MAX, (event, state) -> { });

    assertEquals(picture(customer.getState()), replay.customers().get(known).view(replay.vocabulary()));
    assertEquals(anonymousFeatures(), replay.customers().get(anonymous).view(replay.vocabulary()));
  }

  @Test
  void theHandOverAndTheMessagesOfAMergeSurviveSerialization() {
    ActorRef<CustomerFeatures> replyTo = testKit.<CustomerFeatures>createTestProbe().ref();
    ActorRef<EventAcks> acksTo = testKit.<EventAcks>createTestProbe().ref();

    testKit.serializationTestKit().verifySerialization(new CustomerEntity.HandOverHistory(replyTo), true);
    testKit.serializationTestKit().verifySerialization(
        new CustomerEntity.HistoryHandedOver(anonymous, CustomerFeatures.EMPTY, null), true);
    testKit.serializationTestKit().verifySerialization(
        new CustomerEntity.RecordRemainder(
            List.of(new SourcedEvent(merge("m-1", 1), new KafkaSource(1, 2))), List.of(new EventAck("e-1", true)),
            acksTo), true);
    testKit.serializationTestKit().verifySerialization(new HistoryMerged(anonymous, CustomerFeatures.EMPTY), true);
  }

  private CustomerFeatures mergedFeatures() {
    Eventually.within(PATIENT, "the anonymous history is merged", () -> customer.getState().pendingMerges().isEmpty()
        && !customer.getState().mergedFrom().isEmpty());
    return picture(customer.getState());
  }

  private CustomerFeatures anonymousFeatures() {
    return features(entityOf(anonymous));
  }

  private CustomerFeatures features(ActorRef<CustomerEntity.Command> entity) {
    try {
      return AskPattern.<CustomerEntity.Command, CustomerFeatures>ask(
          entity, CustomerEntity.GetFeatures::new, PATIENT, testKit.scheduler()).toCompletableFuture()
          .get(PATIENT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  /** Records events on another customer (or the known one) as ingestion would, through its actor. */
  private void record(String customerId, CustomerEvent... events) {
    List<SourcedEvent> sourced = Arrays.stream(events).map(event -> new SourcedEvent(event, null)).toList();
    if (customerId.equals(known)) {
      customer.<EventAcks>runCommand(replyTo -> new CustomerEntity.RecordEvents(sourced, replyTo));
    } else {
      ask(entityOf(customerId), sourced);
    }
  }

  private EventAcks ask(ActorRef<CustomerEntity.Command> entity, List<SourcedEvent> events) {
    try {
      return AskPattern.<CustomerEntity.Command, EventAcks>ask(
              entity, replyTo -> new CustomerEntity.RecordEvents(events, replyTo), PATIENT, testKit.scheduler())
          .toCompletableFuture().get(PATIENT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  private CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, EventAcks> recording(
      CustomerEvent... events) {
    List<SourcedEvent> sourced = Arrays.stream(events).map(event -> new SourcedEvent(event, null)).toList();
    return customer.runCommand(replyTo -> new CustomerEntity.RecordEvents(sourced, replyTo));
  }

  private CustomerEvent merge(String eventId, int minutesAfterT0) {
    return CustomerEvent.merge(eventId, known, anonymous, at(minutesAfterT0));
  }

  private CustomerFeatures picture(CustomerEntity.State state) {
    return state.features().view(vocabulary);
  }

  private static CustomerEvent view(String eventId, String customerId, String itemId, int minutesAfterT0) {
    return CustomerEvent.of(eventId, customerId, EventType.VIEW, itemId, at(minutesAfterT0));
  }

  private static Instant at(int minutesAfterT0) {
    return T0.plusSeconds(60L * minutesAfterT0);
  }

  private static CatalogItem item(String itemId, String category, double popularity) {
    return new CatalogItem(itemId, category, 10.0, true, itemId, popularity);
  }
}
