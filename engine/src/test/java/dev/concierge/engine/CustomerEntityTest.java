package dev.concierge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventIdWindow;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.JournalEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.models.Interner;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.RuleOverrides;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingResult;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// one actor system for the class: the extension shuts down only the kit of the last test instance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class CustomerEntityTest {


  private static final int SNAPSHOT_EVERY = 3;
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  // a customer's share of the uncommitted tail: far more than the dedupe window (32) remembers
  private static final int TAIL_EVENTS = 120;
  // a multiple of SNAPSHOT_EVERY, so that a snapshot follows the last event of the tail
  private static final int GROUP = 6;
  private static final int REDELIVERED_GROUP = 7;
  private static final long FIRST_OFFSET = 4_000;
  private static final int NEVER_SNAPSHOT = Integer.MAX_VALUE;
  private static final Duration SLOW_WRITE = Duration.ofMillis(150);
  private static final Duration IMPATIENT = Duration.ofMillis(20);
  private static final Duration PATIENT = Duration.ofSeconds(10);
  private static final Duration SKEW = TestCustomerContext.MAX_FUTURE_SKEW;

  @JUnit5TestKit
  ActorTestKit testKit =
      new JUnit5TestKitBuilder()
          .withCustomConfig(
              EventSourcedBehaviorTestKit.config()
                  .withFallback(ConfigFactory.parseString("concierge.customer.snapshot-every = " + SNAPSHOT_EVERY))
                  .withFallback(ConfigFactory.load()))
          .build();

  private final Catalog catalog =
      Catalog.of(
          List.of(
              item("shoe-1", "shoes", 50),
              item("shoe-2", "shoes", 40),
              item("shoe-3", "shoes", 30),
              item("tent-1", "tents", 500),
              item("tent-2", "tents", 400),
              item("sock-1", "socks", 300)));

  private final Vocabulary vocabulary = new Vocabulary(1_000, 100);

  private EventSourcedBehaviorTestKit<CustomerEntity.Command, JournalEvent, CustomerEntity.State> customer;

  @BeforeEach
  void startCustomer() {
    CustomerSettings settings = CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    // the live state never leaves the actor; what is persisted of it, the snapshot, is verified below
    customer =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            CustomerEntity.create("c-42", context(settings)),
            EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    customer.clear();
  }

  @Test
  void recordingAnEventPersistsItWithTheItemsCategoryAndUpdatesTheFeatures() {
    CustomerEvent view = event("e-1", EventType.VIEW, "shoe-1", 0);

    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks> result =
        recording(view);

    assertEquals(List.of(new CustomerEntity.EventAck("e-1", false)), result.reply().acks());
    assertEquals(new EventRecorded(view, "shoes"), result.event());
    CustomerFeatures features = picture(result.state());
    assertEquals(1, features.events().view());
    assertEquals(1.0, features.categoryAffinity().share("shoes"), 1e-9);
    assertEquals(List.of("shoe-1"), features.recent().items());
    assertEquals(List.of("shoe-1"), features.viewed().items());
  }

  @Test
  void anItemTheCatalogDoesNotKnowIsRecordedWithoutACategory() {
    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks> result =
        recording(event("e-1", EventType.CLICK, "mystery", 0));

    assertNull(((EventRecorded) result.event()).category());
    assertEquals(1, picture(result.state()).events().click());
    assertTrue(picture(result.state()).categoryAffinity().scores().isEmpty());
  }

  @Test
  void aDuplicateEventIdIsAcknowledgedAndChangesNothing() {
    record(event("e-1", EventType.VIEW, "shoe-1", 0));

    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks> again =
        recording(event("e-1", EventType.VIEW, "shoe-1", 0));

    assertTrue(again.hasNoEvents());
    assertEquals(List.of(new CustomerEntity.EventAck("e-1", true)), again.reply().acks());
    assertEquals(1, picture(again.state()).events().view());
  }

  @Test
  void theNewEventsOfACommandArePersistedTogetherAndEachIsAcknowledgedInOrder() {
    record(event("e-1", EventType.VIEW, "shoe-1", 0));

    var result = recording(
        event("e-1", EventType.VIEW, "shoe-1", 0), event("e-2", EventType.CLICK, "shoe-2", 1),
        event("e-2", EventType.CLICK, "shoe-2", 1), event("e-3", EventType.VIEW, "tent-1", 2));

    assertEquals(List.of(new CustomerEntity.EventAck("e-1", true), new CustomerEntity.EventAck("e-2", false),
        new CustomerEntity.EventAck("e-2", true), new CustomerEntity.EventAck("e-3", false)), result.reply().acks());
    assertEquals(List.of(new EventRecorded(event("e-2", EventType.CLICK, "shoe-2", 1), "shoes"),
        new EventRecorded(event("e-3", EventType.VIEW, "tent-1", 2), "tents")), result.events());
    assertEquals(2, picture(result.state()).events().view(), "e-1 once, e-3");
    assertEquals(1, picture(result.state()).events().click(), "e-2 once, though it came twice");
  }

  @Test
  void aFailedWriteOfSeveralEventsLeavesNoneOfThemSoThatTheCommandAskedAgainRecordsEachOnce() {
    PersistenceTestKit.create(testKit.system())
        .failNextPersisted("Customer|c-42", new IllegalStateException("Cassandra is down"));
    CustomerEvent first = event("e-1", EventType.VIEW, "shoe-1", 0);
    CustomerEvent second = event("e-2", EventType.VIEW, "shoe-2", 1);

    assertThrows(AssertionError.class, () -> recording(first, second));
    var retried = recording(first, second);

    assertEquals(List.of(new CustomerEntity.EventAck("e-1", false), new CustomerEntity.EventAck("e-2", false)),
        retried.reply().acks());
    assertEquals(2, picture(retried.state()).events().view());
  }

  @Test
  void aPersistThatFailedLeavesNoTraceSoThatTheSameEventAskedAgainIsRecordedOnce() {
    record(event("e-1", EventType.VIEW, "shoe-1", 0));
    PersistenceTestKit.create(testKit.system())
        .failNextPersisted("Customer|c-42", new IllegalStateException("Cassandra is down"));

    // the customer restarts instead of answering, as it does when Cassandra is down
    assertThrows(AssertionError.class, () -> recording(event("e-2", EventType.VIEW, "shoe-2", 1)));
    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks> retried =
        recording(event("e-2", EventType.VIEW, "shoe-2", 1));

    assertFalse(retried.reply().acks().get(0).duplicate(), "the failed persist is not remembered as recorded");
    assertEquals(2, picture(retried.state()).events().view(), "e-1 and e-2, each once");
    assertEquals(List.of("shoe-2", "shoe-1"), picture(retried.state()).viewed().items());
  }

  @Test
  void dedupeStillWorksAfterRecoveryFromEventsAndFromASnapshot() {
    for (int i = 1; i <= SNAPSHOT_EVERY + 1; i++) {
      record(event("e-" + i, EventType.VIEW, "shoe-1", i));
    }

    customer.restart();

    for (int i = 1; i <= SNAPSHOT_EVERY + 1; i++) {
      String eventId = "e-" + i;
      CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks> again =
          recording(event(eventId, EventType.VIEW, "shoe-1", 0));
      assertTrue(again.reply().acks().get(0).duplicate(), eventId + " should still be known after recovery");
    }
    assertEquals(SNAPSHOT_EVERY + 1, picture(customer.getState()).events().view());
  }

  @Test
  void recoveryRebuildsTheSameFeatures() {
    record(event("e-1", EventType.VIEW, "tent-1", 0));
    record(event("e-2", EventType.ADD_TO_CART, "shoe-2", 60));
    record(event("e-3", EventType.PURCHASE, "shoe-2", 120));
    CustomerFeatures before = picture(customer.getState());

    customer.restart();

    assertEquals(before, picture(customer.getState()));
  }

  @Test
  void itemIdsNoCatalogHoldsStayWithTheCustomerThroughRecoveryAndItsDecisionIsStillPersonal() {
    record(event("e-0", EventType.VIEW, "shoe-1", 0));
    for (int i = 1; i <= 3 * SNAPSHOT_EVERY; i++) {
      record(event("e-" + i, i % 2 == 0 ? EventType.VIEW : EventType.ADD_TO_CART, "made-up-" + i, i));
    }
    record(event("e-last", EventType.VIEW, "shoe-2", 3 * SNAPSHOT_EVERY + 1));
    CustomerFeatures before = picture(customer.getState());

    customer.restart();

    assertEquals(before, picture(customer.getState()), "recovered from a snapshot and the events after it");
    assertTrue(before.recent().items().containsAll(List.of("shoe-2", "made-up-9", "made-up-8")), before.toString());
    for (int i = 1; i <= 3 * SNAPSHOT_EVERY; i++) {
      assertEquals(Interner.UNKNOWN, vocabulary.items().codeOf("made-up-" + i), "the shared vocabulary never learnt it");
    }
    List<RankedItem> items = decide(new DecisionQuery("c-42", 2, null, List.of(), Set.of()));
    assertEquals(List.of("shoes", "shoes"), items.stream().map(item -> catalog.categoryOf(item.itemId())).toList());
    assertTrue(items.get(0).reasons().stream().anyMatch(reason -> reason.contains("shoes")), items.toString());
  }

  @Test
  void aShopperWhoViewedShoesIsShownShoesFirst() {
    record(event("e-1", EventType.VIEW, "shoe-1", 0));
    record(event("e-2", EventType.VIEW, "shoe-2", 1));
    record(event("e-3", EventType.VIEW, "shoe-3", 2));

    List<RankedItem> items = decide(new DecisionQuery("c-42", 3, null, List.of(), Set.of()));

    assertEquals(List.of("shoe-1", "shoe-2", "shoe-3"), items.stream().map(RankedItem::itemId).toList());
    assertTrue(items.get(0).reasons().get(0).contains("shoes"));
  }

  @Test
  void aPurchasedItemIsNeverRecommendedAgain() {
    record(event("e-1", EventType.PURCHASE, "tent-1", 0));

    List<RankedItem> items = decide(new DecisionQuery("c-42", 10, null, List.of(), Set.of()));

    assertFalse(items.stream().anyMatch(item -> item.itemId().equals("tent-1")));
    assertEquals(catalog.size() - 1, items.size());
  }

  @Test
  void decidingAndReadingFeaturesPersistNothing() {
    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.Decision> decided =
        customer.runCommand(replyTo -> new CustomerEntity.Decide(new DecisionQuery("c-42", 5, null, List.of(), Set.of()), RuleOverrides.NONE, null, replyTo));
    assertTrue(decided.hasNoEvents());
    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerFeatures> read =
        customer.runCommand(CustomerEntity.GetFeatures::new);
    assertTrue(read.hasNoEvents());
    assertEquals(CustomerFeatures.EMPTY, read.reply());
  }

  @ParameterizedTest
  @ValueSource(strings = {"9999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
  void anEventFromTheFarFutureIsKeptAsItCameAndCountedNoLaterThanTheHorizonLiveAndAfterRecovery(String timestamp) {
    CustomerEvent future = CustomerEvent.of("e-future", "c-42", EventType.VIEW, "sock-1", Instant.parse(timestamp));
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks> result =
        recording(future);
    Instant live = picture(result.state()).lastEventAt();
    customer.restart();
    Instant recovered = picture(customer.getState()).lastEventAt();
    Instant after = Instant.now();

    assertEquals(List.of(new CustomerEntity.EventAck("e-future", false)), result.reply().acks(), "the actor answered");
    assertEquals(new EventRecorded(future, "socks"), result.event(), "the journal keeps the event as it came");
    for (Instant counted : List.of(live, recovered)) {
      assertFalse(counted.isBefore(before.plus(SKEW)) || counted.isAfter(after.plus(SKEW)), "counted at " + counted);
    }
  }

  @Test
  void theSnapshotHoldsTheFeaturesTheDedupeWindowAndTheHighWaterMarksAndSurvivesSerialization() {
    recording(customer, List.of(
        new SourcedEvent(event("e-1", EventType.VIEW, "shoe-1", 0), new KafkaSource(2, 40)),
        new SourcedEvent(event("e-2", EventType.PURCHASE, "tent-1", 1), new KafkaSource(0, 7))));

    CustomerSnapshot snapshot = (CustomerSnapshot) customerSnapshotAdapter().toJournal(customer.getState());

    assertEquals(picture(customer.getState()), snapshot.features());
    assertEquals(List.of(EventIdWindow.keyOf("e-1"), EventIdWindow.keyOf("e-2")), snapshot.recentEventKeys());
    assertEquals(List.of(new KafkaSource(0, 7), new KafkaSource(2, 40)), snapshot.highestOffsets());
    testKit.serializationTestKit().verifySerialization(snapshot, true);
  }

  @Test
  void aCommandWithSourcedAndUnsourcedEventsAndTheEventItPersistsSurviveSerialization() {
    SourcedEvent fromKafka =
        new SourcedEvent(event("e-1", EventType.VIEW, "shoe-1", 0), new KafkaSource(7, 9_000_000_000L));
    SourcedEvent fromElsewhere = new SourcedEvent(event("e-2", EventType.CLICK, "shoe-2", 1), null);
    ActorRef<CustomerEntity.EventAcks> replyTo = testKit.<CustomerEntity.EventAcks>createTestProbe().ref();

    testKit.serializationTestKit().verifySerialization(
        new CustomerEntity.RecordEvents(List.of(fromKafka, fromElsewhere), replyTo), true);
    testKit.serializationTestKit().verifySerialization(
        new EventRecorded(fromKafka.event(), "shoes", fromKafka.source()), true);
  }

  @Test
  void anEventFromKafkaIsPersistedWithItsSource() {
    SourcedEvent view = new SourcedEvent(event("e-1", EventType.VIEW, "shoe-1", 0), new KafkaSource(3, 1_000));

    var result = recording(customer, List.of(view));

    assertEquals(new EventRecorded(view.event(), "shoes", view.source()), result.event());
  }

  @Test
  void aRedeliveryOfTheWholeUncommittedTailCountsNothingTwiceHoweverLong() {
    List<SourcedEvent> tail = fromKafka("tail", TAIL_EVENTS);
    recordInGroups(customer, tail, GROUP);

    // redelivered groups need not be cut as the first ones were
    for (List<SourcedEvent> group : groups(tail, REDELIVERED_GROUP)) {
      var again = recording(customer, group);
      assertTrue(again.hasNoEvents(), "a redelivered record is persisted again: " + again.events());
      assertTrue(again.reply().acks().stream().allMatch(CustomerEntity.EventAck::duplicate), again.reply().toString());
    }

    assertEquals(TAIL_EVENTS, picture(customer.getState()).events().view());
  }

  @Test
  void aClientsRetryOfAnEventWithANewOffsetIsStillDroppedByItsId() {
    CustomerEvent view = event("e-1", EventType.VIEW, "shoe-1", 0);
    recording(customer, List.of(new SourcedEvent(view, new KafkaSource(0, 10))));

    var retried = recording(customer, List.of(new SourcedEvent(view, new KafkaSource(0, 11))));

    assertTrue(retried.hasNoEvents());
    assertEquals(1, picture(retried.state()).events().view());
  }

  @Test
  void aRecordOfAnotherPartitionIsNotTakenForARedeliveryOfThisOne() {
    recording(customer, List.of(new SourcedEvent(event("e-1", EventType.VIEW, "shoe-1", 0), new KafkaSource(1, 500))));

    var other =
        recording(customer, List.of(new SourcedEvent(event("e-2", EventType.VIEW, "shoe-2", 1), new KafkaSource(2, 3))));

    assertFalse(other.reply().acks().get(0).duplicate());
    assertEquals(2, picture(other.state()).events().view());
  }

  @Test
  void theHighWaterMarksSurviveRecoveryFromASnapshot() {
    List<SourcedEvent> tail = fromKafka("snap", TAIL_EVENTS);
    recordInGroups(customer, tail, GROUP);
    long lastSnapshot = SnapshotTestKit.create(testKit.system()).persistedInStorage("Customer|c-42").stream()
        .mapToLong(snapshot -> snapshot.first().sequenceNr()).max().orElse(0);
    assertEquals(TAIL_EVENTS, lastSnapshot, "recovery starts from a snapshot of every event");

    customer.restart();

    assertRedeliveryCountsNothing(customer, tail);
  }

  @Test
  void theHighWaterMarksSurviveRecoveryFromTheJournal() {
    CustomerSettings settings = CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    CustomerSettings noSnapshots = new CustomerSettings(
        NEVER_SNAPSHOT, settings.keepSnapshots(), settings.dedupeWindow(), settings.features(), settings.recommender());
    var journalOnly = EventSourcedBehaviorTestKit.<CustomerEntity.Command, JournalEvent, CustomerEntity.State>create(
        testKit.system(), CustomerEntity.create("c-journal", context(noSnapshots)),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    journalOnly.clear();
    List<SourcedEvent> tail = fromKafka("journal", TAIL_EVENTS);
    recordInGroups(journalOnly, tail, GROUP);

    journalOnly.restart();

    assertTrue(SnapshotTestKit.create(testKit.system()).persistedInStorage("Customer|c-journal").isEmpty());
    assertRedeliveryCountsNothing(journalOnly, tail);
  }

  @Test
  void groupsAskedAgainAfterAPersistSlowerThanTheAskTimeoutAreDroppedByOffset() throws Exception {
    PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    journal.withPolicy(new SlowWrites("Customer|c-slow", SLOW_WRITE));
    try {
      CustomerSettings settings =
          CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
      ActorRef<CustomerEntity.Command> slow = testKit.spawn(CustomerEntity.create("c-slow", context(settings)));
      List<List<SourcedEvent>> groups = groups(fromKafka("slow", TAIL_EVENTS), GROUP);

      // the customer's events keep coming while its first write is still under way: every ask times out
      List<CompletableFuture<CustomerEntity.EventAcks>> first =
          groups.stream().map(group -> ask(slow, group, IMPATIENT)).toList();
      for (CompletableFuture<CustomerEntity.EventAcks> ask : first) {
        assertThrows(ExecutionException.class, () -> ask.get(), "the ask outlives the write it waits for");
      }
      // then each group is asked again, as ingestion does with an unconfirmed one, long after later ids came
      for (List<SourcedEvent> group : groups) {
        CustomerEntity.EventAcks acks = ask(slow, group, PATIENT).get();
        assertTrue(acks.acks().stream().allMatch(CustomerEntity.EventAck::duplicate), acks.toString());
      }

      CustomerFeatures features = AskPattern.<CustomerEntity.Command, CustomerFeatures>ask(
          slow, CustomerEntity.GetFeatures::new, PATIENT, testKit.scheduler()).toCompletableFuture().get();
      assertEquals(TAIL_EVENTS, features.events().view(), "every event once, though most were asked twice");
    } finally {
      journal.resetPolicy();
    }
  }

  private CompletableFuture<CustomerEntity.EventAcks> ask(
      ActorRef<CustomerEntity.Command> customer, List<SourcedEvent> group, Duration timeout) {
    return AskPattern.<CustomerEntity.Command, CustomerEntity.EventAcks>ask(
        customer, replyTo -> new CustomerEntity.RecordEvents(group, replyTo), timeout, testKit.scheduler())
        .toCompletableFuture();
  }

  /** A journal that takes its time over one customer's writes and then succeeds. */
  private record SlowWrites(String persistenceId, Duration delay) implements ProcessingPolicy<JournalOperation> {
    @Override
    public ProcessingResult tryProcess(String id, JournalOperation operation) {
      if (id.equals(persistenceId) && operation instanceof WriteEvents) {
        // the test journal writes on its plugin's thread, so sleeping there holds back this write and the next
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return ProcessingSuccess.getInstance();
    }
  }

  private void assertRedeliveryCountsNothing(
      EventSourcedBehaviorTestKit<CustomerEntity.Command, JournalEvent, CustomerEntity.State> recovered,
      List<SourcedEvent> tail) {
    for (List<SourcedEvent> group : groups(tail, REDELIVERED_GROUP)) {
      assertTrue(recording(recovered, group).hasNoEvents(), "nothing of the redelivered tail is persisted again");
    }
    assertEquals(tail.size(), picture(recovered.getState()).events().view());
  }

  // one view per record of partition 3, at consecutive offsets, as a customer's events arrive from Kafka
  private static List<SourcedEvent> fromKafka(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new SourcedEvent(
            event(prefix + "-" + i, EventType.VIEW, "shoe-" + (1 + i % 3), i), new KafkaSource(3, FIRST_OFFSET + i)))
        .toList();
  }

  private static void recordInGroups(
      EventSourcedBehaviorTestKit<CustomerEntity.Command, JournalEvent, CustomerEntity.State> customer,
      List<SourcedEvent> events, int groupSize) {
    for (List<SourcedEvent> group : groups(events, groupSize)) {
      assertEquals(group.size(), recording(customer, group).events().size());
    }
  }

  private static List<List<SourcedEvent>> groups(List<SourcedEvent> events, int size) {
    return IntStream.range(0, (events.size() + size - 1) / size)
        .mapToObj(g -> events.subList(g * size, Math.min(events.size(), (g + 1) * size)))
        .toList();
  }

  private SnapshotAdapter<CustomerEntity.State> customerSnapshotAdapter() {
    CustomerSettings settings = CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    return CustomerEntity.forHandlers("c-42", context(settings)).snapshotAdapter();
  }

  private CustomerContext context(CustomerSettings settings) {
    return TestCustomerContext.of(settings, catalog, vocabulary);
  }

  private CustomerFeatures picture(CustomerEntity.State state) {
    return state.features().view(vocabulary);
  }

  private void record(CustomerEvent event) {
    recording(event);
  }

  // events that did not come from Kafka: only their ids tell a repeat
  private CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks>
      recording(CustomerEvent... events) {
    return recording(customer, Arrays.stream(events).map(event -> new SourcedEvent(event, null)).toList());
  }

  private static CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.EventAcks>
      recording(
          EventSourcedBehaviorTestKit<CustomerEntity.Command, JournalEvent, CustomerEntity.State> customer,
          List<SourcedEvent> events) {
    return customer.runCommand(replyTo -> new CustomerEntity.RecordEvents(events, replyTo));
  }

  private List<RankedItem> decide(DecisionQuery query) {
    CommandResultWithReply<CustomerEntity.Command, JournalEvent, CustomerEntity.State, CustomerEntity.Decision> result =
        customer.runCommand(replyTo -> new CustomerEntity.Decide(query, RuleOverrides.NONE, null, replyTo));
    return result.reply().items();
  }

  private static CustomerEvent event(String eventId, EventType type, String itemId, int minutesAfterT0) {
    return CustomerEvent.of(eventId, "c-42", type, itemId, T0.plusSeconds(60L * minutesAfterT0));
  }

  private static CatalogItem item(String itemId, String category, double popularity) {
    return new CatalogItem(itemId, category, 10.0, true, itemId, popularity);
  }
}
