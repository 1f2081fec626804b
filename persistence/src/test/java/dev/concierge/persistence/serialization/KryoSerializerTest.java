package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventCounts;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.HistoryMerged;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.RankedItem;
import dev.concierge.models.RecentItems;
import dev.concierge.models.recommend.ModelAssignment;
import dev.concierge.models.rules.PurchasedPolicy;
import dev.concierge.models.rules.RuleOverrides;
import dev.concierge.persistence.serialization.GoldenSamples.Golden;
import dev.concierge.persistence.serialization.TestMessages.Carrier;
import dev.concierge.persistence.serialization.TestMessages.RankRequest;
import dev.concierge.persistence.serialization.TestMessages.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type survives the real Pekko serialization configuration unchanged. */
@ExtendWith(TestKitJUnit5Extension.class)
// one instance, so one actor system: the extension shuts down only the kit of the last instance
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KryoSerializerTest {

  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);
  private static final Instant AT = Instant.parse("2025-05-01T12:00:00.123456789Z");
  private static final boolean ASSERT_EQUALITY = true;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  Stream<Object> persistedValues() {
    return Stream.concat(
        GoldenSamples.ALL.stream().map(Golden::expected),
        Stream.of(
            new EventRecorded(CustomerEvent.of("evt-9", "cust-1", EventType.VIEW, "sku-1", AT), null),
            new EventRecorded(CustomerEvent.merge("evt-10", "cust-1", "anon-1", AT), null),
            new HistoryMerged("anon-1", CustomerFeatures.EMPTY),
            CustomerFeatures.EMPTY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("persistedValues")
  void persistedTypesRoundTrip(Object value) {
    assertInstanceOf(KryoSerializer.class, SerializationExtension.get(testKit.system()).findSerializerFor(value));
    testKit.serializationTestKit().verifySerialization(value, ASSERT_EQUALITY);
  }

  /** One value at least of every registered class, and of Kryo's built-in ones that messages use. */
  Stream<Object> registeredTypeSamples() {
    return Stream.concat(
        GoldenSamples.ALL.stream().map(Golden::expected),
        Stream.of(
            "text", 42, 4.2, true,
            AT,
            new ArrayList<>(List.of("a", "b")),
            new HashMap<>(Map.of("a", 1, "b", 2)),
            new LinkedHashMap<>(Map.of("a", List.of(1, 2))),
            List.of(), List.of("one"), List.of("one", "two", "three"), List.of("a", "b", "c", "d").subList(1, 3),
            Set.of(), Set.of("one"), Set.of("a", "b", "c"),
            Map.of(), Map.of("key", "value"), Map.of("a", 1.5, "b", 2.5),
            fullEvent(),
            CustomerEvent.merge("evt-2", "cust-1", "anon-1", AT),
            EventType.PURCHASE,
            EventType.MERGE,
            new KafkaSource(3, 120),
            query(),
            new RankedItem("sku-3", 0.875, List.of("popular: 88% of the best seller's popularity")),
            new EventCounts(3, 2, 1, 0),
            new CategoryAffinity(Map.of("tents", 1.0), AT),
            new RecentItems(List.of("sku-1", "sku-2")),
            new RuleOverrides(
                PurchasedPolicy.KEEP, Map.of("tents", PurchasedPolicy.EXCLUDE_CATEGORY), null, Set.of("sku-9"),
                Map.of("sku-1", 1.5), Map.of(), Map.of("sku-2", 1), 2, null),
            PurchasedPolicy.EXCLUDE_ITEM,
            ModelAssignment.NONE.activate("lr-1").withExperiment("ab", Map.of("lr-1", 1.0, "xgb-1", 3.0)),
            testKit.createTestProbe().ref()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTypeSamples")
  void registeredTypeRoundTripsInsideAMessage(Object sample) {
    testKit.serializationTestKit().verifySerialization(new Carrier(sample), ASSERT_EQUALITY);
  }

  @Test
  void everyRegisteredClassHasARoundTripSample() {
    List<Object> samples = registeredTypeSamples().toList();
    RegistrationTable table =
        RegistrationTable.fromConfig(testKit.system().settings().config(), getClass().getClassLoader());
    List<String> uncovered = table.entries().stream()
        .map(RegistrationTable.Entry::type)
        .filter(type -> type.getEnclosingClass() != TestMessages.class)
        .filter(type -> samples.stream().noneMatch(type::isInstance))
        .map(Class::getName)
        .toList();
    assertEquals(List.of(), uncovered, "add a sample to registeredTypeSamples");
  }

  @Test
  void engineShapedCommandRoundTripsWithNullsAndARef() {
    TestProbe<String> replyTo = testKit.createTestProbe();
    testKit.serializationTestKit().verifySerialization(
        new RankRequest(query(), replyTo.ref(), EventType.CLICK, AT, 1, true, 0.7, null, 3), ASSERT_EQUALITY);
    testKit.serializationTestKit().verifySerialization(
        new RankRequest(query(), replyTo.ref(), EventType.VIEW, AT, 2, false, 0.0, 99.5, null), ASSERT_EQUALITY);
  }

  @Test
  void actorRefInsideAMessageStillReachesItsActor() {
    TestProbe<String> probe = testKit.createTestProbe();

    Reply copy = testKit.serializationTestKit().verifySerialization(new Reply("hello", probe.ref()), ASSERT_EQUALITY);
    copy.replyTo().tell(copy.text());

    probe.expectMessage("hello");
  }

  @Test
  void askReplyRefStillReachesTheAskerAfterSerialization() throws Exception {
    // an ask replies to a temporary actor under /temp, not /user: it has to resolve on the way back too
    ActorRef<Reply> echo = testKit.spawn(Behaviors.receiveMessage(request -> {
      Reply copy = testKit.serializationTestKit().verifySerialization(request, ASSERT_EQUALITY);
      copy.replyTo().tell(copy.text());
      return Behaviors.same();
    }));

    String answer = AskPattern.<Reply, String>ask(echo, replyTo -> new Reply("ping", replyTo), ASK_TIMEOUT,
            testKit.scheduler())
        .toCompletableFuture().get();

    assertEquals("ping", answer);
  }

  @Test
  void unregisteredClassFailsNamingTheConfigToFix() {
    Carrier unregistered = new Carrier(new TreeMap<>(Map.of("a", 1)));

    Exception failure = assertThrows(Exception.class,
        () -> SerializationExtension.get(testKit.system()).findSerializerFor(unregistered).toBinary(unregistered));

    assertTrue(failure.getMessage().contains(
            "java.util.TreeMap has no Kryo registration: give it a fixed id in concierge.kryo.registrations"),
        failure.getMessage());
  }

  private static CustomerEvent fullEvent() {
    return new CustomerEvent("evt-1", "cust-1", EventType.PURCHASE, "sku-3", AT, 19.99, 3, "session-7",
        Map.of("device", "tablet"));
  }

  private static DecisionQuery query() {
    return new DecisionQuery("cust-1", 5, "sku-9", List.of("sku-1", "sku-2", "sku-3"), Set.of("sku-4"));
  }
}
