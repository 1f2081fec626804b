package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerContext;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.TestCustomerContext;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import dev.concierge.models.Vocabulary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer's groups go from ingestion to the real customer actor as ingestion sends them
 * ({@link CustomerTurns} around {@link CustomerRecorder}), on the persistence testkit's journal: a group
 * whose persist failed is asked again before the customer's next group is, so that the next one never
 * hides it behind a higher offset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class CustomerRecordingOrderTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final int GROUPS = 10;
  private static final int GROUP = 6;
  private static final int PARTITION = 2;
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(1);
  private static final PersistRetry RETRY = new PersistRetry(20, 2, Duration.ofMillis(50), Duration.ofMillis(200), 0.0);
  private static final long WAIT_SECONDS = 30;

  @JUnit5TestKit
  ActorTestKit testKit = new JUnit5TestKitBuilder()
      .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()))
      .build();

  private final Catalog catalog = Catalog.of(List.of(new CatalogItem("sku-1", "shoes", 10.0, true, "sku-1", 1)));
  private final Vocabulary vocabulary = new Vocabulary(1_000, 100);

  @Test
  void aGroupWhosePersistFailedIsRecordedBeforeTheCustomersNextGroupsAndEveryEventCountsOnce() throws Exception {
    ActorRef<CustomerEntity.Command> customer = testKit.spawn(CustomerEntity.create("c-order", context()));
    CustomerRecorder recorder = recorder(customer);
    CustomerTurns turns = new CustomerTurns();
    PersistenceTestKit.create(testKit.system())
        .failNextPersisted("Customer|c-order", new IllegalStateException("Cassandra timed out"));

    // every group is handed over at once, as a batch's groups and the next batches' are
    List<CompletableFuture<List<CustomerRecorder.Outcome>>> outcomes = new ArrayList<>();
    for (List<SourcedEvent> group : groups()) {
      outcomes.add(turns.take("c-order", () -> recorder.record(group, CustomerRecordingOrderTest::noPoison))
          .toCompletableFuture());
    }

    for (CompletableFuture<List<CustomerRecorder.Outcome>> group : outcomes) {
      List<CustomerRecorder.Outcome> recorded = group.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertTrue(recorded.stream().allMatch(outcome -> outcome instanceof CustomerRecorder.Recorded recordedOnce
          && !recordedOnce.duplicate()), "each event is recorded, none taken for a redelivery: " + recorded);
    }
    CustomerFeatures features = AskPattern.<CustomerEntity.Command, CustomerFeatures>ask(
        customer, CustomerEntity.GetFeatures::new, ASK_TIMEOUT, testKit.scheduler()).toCompletableFuture()
        .get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(GROUPS * GROUP, features.events().view());
  }

  private CustomerRecorder recorder(ActorRef<CustomerEntity.Command> customer) {
    CustomerRecorder.Customers direct = new CustomerRecorder.Customers() {
      @Override
      public CompletionStage<CustomerEntity.EventAcks> record(List<SourcedEvent> events) {
        return AskPattern.ask(customer, replyTo -> new CustomerEntity.RecordEvents(events, replyTo), ASK_TIMEOUT,
            testKit.scheduler());
      }

      @Override
      public CompletionStage<?> read(String customerId) {
        return AskPattern.ask(customer, CustomerEntity.GetFeatures::new, ASK_TIMEOUT, testKit.scheduler());
      }
    };
    // the journal counts as down: an unconfirmed group is waited for, never isolated as poison
    return new CustomerRecorder(direct, () -> CompletableFuture.completedFuture(false), RETRY, testKit.system(),
        testKit.system().executionContext(), new NodeMetrics(new SimpleMeterRegistry()));
  }

  private static CompletionStage<?> noPoison(CustomerRecorder.Refused refused) {
    throw new AssertionError("nothing is refused while the journal counts as down: " + refused);
  }

  private CustomerContext context() {
    CustomerSettings settings =
        CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    return TestCustomerContext.of(settings, catalog, vocabulary);
  }

  // the customer's views at consecutive offsets of one partition, cut into groups as ingestion cuts them
  private static List<List<SourcedEvent>> groups() {
    return IntStream.range(0, GROUPS)
        .mapToObj(g -> IntStream.range(g * GROUP, (g + 1) * GROUP)
            .mapToObj(i -> new SourcedEvent(
                CustomerEvent.of("e-" + i, "c-order", EventType.VIEW, "sku-1", T0.plusSeconds(i)),
                new KafkaSource(PARTITION, i)))
            .toList())
        .toList();
  }
}
