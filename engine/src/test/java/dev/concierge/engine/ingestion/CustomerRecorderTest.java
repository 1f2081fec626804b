package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.KafkaSource;
import dev.concierge.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One poison event is refused and handed over before its customer's next event is asked, and its
 * neighbours are recorded; an outage is waited out and refuses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class CustomerRecorderTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final int ATTEMPTS = 50;
  private static final int ISOLATE_AFTER = 2;
  private static final PersistRetry RETRY =
      new PersistRetry(ATTEMPTS, ISOLATE_AFTER, Duration.ofMillis(1), Duration.ofMillis(5), 0.0);
  private static final long WAIT_SECONDS = 10;
  private static final int PARTITION = 4;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Test
  void aPoisonEventIsRefusedWithItsReasonAndTheCustomersOtherEventsAreRecordedInOrder() throws Exception {
    FakeCustomers customers = new FakeCustomers("e-2", true);
    CustomerRecorder recorder = recorder(customers, true);
    List<SourcedEvent> group = List.of(event("e-1", 10), event("e-2", 11), event("e-3", 12));

    List<CustomerRecorder.Outcome> outcomes = await(recorder.record(group, customers::handOver));

    assertEquals(List.of("e-1", "e-2", "e-3"), outcomes.stream().map(outcome -> outcome.sourced().event().eventId()).toList());
    assertTrue(outcomes.get(0) instanceof CustomerRecorder.Recorded);
    assertTrue(outcomes.get(1) instanceof CustomerRecorder.Refused refused
        && refused.reason().contains("e-2") && refused.reason().contains("c-1"), outcomes.get(1).toString());
    assertTrue(outcomes.get(2) instanceof CustomerRecorder.Recorded);
    assertEquals(List.of("recorded e-1", "refused e-2", "recorded e-3"), customers.alone,
        "the refused event is handed over before the customer's next event is asked");
    assertSame(group.get(1), outcomes.get(1).sourced(), "the refused event is the very one given, source and all");
    assertFalse(customers.askedAlone.isEmpty());
    for (SourcedEvent asked : customers.askedAlone) {
      assertTrue(group.contains(asked), "an event asked alone keeps its source: " + asked);
    }
  }

  @Test
  void aPoisonEventThatCannotBeHandedOverFailsTheGroupAndTheCustomersNextEventIsNotAsked() {
    FakeCustomers customers = new FakeCustomers("e-2", true);
    CustomerRecorder recorder = recorder(customers, true);

    CompletionStage<List<CustomerRecorder.Outcome>> outcomes = recorder.record(
        List.of(event("e-1", 10), event("e-2", 11), event("e-3", 12)),
        refused -> CompletableFuture.failedFuture(new IllegalStateException("the dead-letter topic is down")));

    ExecutionException failed = assertThrows(ExecutionException.class, () -> await(outcomes));
    assertTrue(failed.getCause().getMessage().contains("dead-letter topic is down"), failed.toString());
    assertEquals(List.of("recorded e-1"), customers.alone, "e-3 would hide e-2 behind its higher offset");
  }

  @Test
  void aCustomersNextGroupWaitsInItsTurnUntilThePoisonOfTheGroupBeforeIsHandedOver() throws Exception {
    FakeCustomers customers = new FakeCustomers("e-2", true);
    CompletableFuture<Void> deadLettered = new CompletableFuture<>();
    // whether the next group's event was asked while the dead letter was still on its way
    AtomicBoolean askedTooSoon = new AtomicBoolean();
    CustomerRecorder.Customers watched = new CustomerRecorder.Customers() {
      @Override
      public CompletionStage<CustomerEntity.EventAcks> record(List<SourcedEvent> events) {
        if (events.stream().anyMatch(event -> event.event().eventId().equals("e-3")) && !deadLettered.isDone()) {
          askedTooSoon.set(true);
        }
        return customers.record(events);
      }

      @Override
      public CompletionStage<?> read(String customerId) {
        return customers.read(customerId);
      }
    };
    CustomerRecorder recorder = new CustomerRecorder(
        watched, () -> CompletableFuture.completedFuture(true), RETRY, testKit.system(),
        testKit.system().executionContext(), new NodeMetrics(new SimpleMeterRegistry()));
    CustomerTurns turns = new CustomerTurns();
    CustomerRecorder.Refusals slowDeadLetters = refused -> {
      customers.handOver(refused);
      return deadLettered;
    };

    CompletableFuture<List<CustomerRecorder.Outcome>> first = turns.take("c-1",
        () -> recorder.record(List.of(event("e-1", 10), event("e-2", 11)), slowDeadLetters)).toCompletableFuture();
    CompletableFuture<List<CustomerRecorder.Outcome>> next = turns.take("c-1",
        () -> recorder.record(List.of(event("e-3", 12)), slowDeadLetters)).toCompletableFuture();

    awaitCondition(() -> customers.alone.contains("refused e-2"));
    assertFalse(next.isDone(), "the next group waits while the dead letter is on its way");
    deadLettered.complete(null);

    assertTrue(await(first).get(1) instanceof CustomerRecorder.Refused, "a refused event settles its group");
    assertTrue(await(next).get(0) instanceof CustomerRecorder.Recorded);
    assertEquals(List.of("recorded e-1", "refused e-2", "recorded e-3"), customers.alone);
    assertFalse(askedTooSoon.get(), "the next group's event was asked only once the dead letter was there");
  }

  @Test
  void whileTheJournalDoesNotAnswerAnUnconfirmedGroupIsAskedAgainUntilConfirmedAndNothingIsRefused()
      throws Exception {
    FakeCustomers customers = new FakeCustomers("e-2", true);
    AtomicBoolean journalUp = new AtomicBoolean(false);
    CustomerRecorder recorder = recorder(customers, journalUp);
    customers.silentFor.set(ISOLATE_AFTER + 5);

    List<CustomerRecorder.Outcome> outcomes =
        await(recorder.record(List.of(event("e-1", 10), event("e-3", 12)), customers::handOver));

    assertTrue(outcomes.stream().allMatch(outcome -> outcome instanceof CustomerRecorder.Recorded), outcomes.toString());
    assertEquals(0, customers.reads.get(), "with the journal down, the actor is not even asked for a read");
  }

  @Test
  void anActorThatDoesNotAnswerReadsIsWaitedForNotRefused() throws Exception {
    FakeCustomers customers = new FakeCustomers("none", false);
    CustomerRecorder recorder = recorder(customers, true);
    customers.silentFor.set(ISOLATE_AFTER + 5);

    List<CustomerRecorder.Outcome> outcomes = await(recorder.record(List.of(event("e-1", 10)), customers::handOver));

    assertTrue(outcomes.get(0) instanceof CustomerRecorder.Recorded, outcomes.toString());
    assertTrue(customers.reads.get() > 0, "the actor was asked for a read before waiting");
  }

  @Test
  void aGroupCountsAsWaitingFromItsFirstUnconfirmedAskUntilItIsSettled() throws Exception {
    CompletableFuture<CustomerEntity.EventAcks> secondAsk = new CompletableFuture<>();
    AtomicInteger asks = new AtomicInteger();
    CustomerRecorder.Customers slowThenConfirming = new CustomerRecorder.Customers() {
      @Override
      public CompletionStage<CustomerEntity.EventAcks> record(List<SourcedEvent> events) {
        return asks.incrementAndGet() == 1 ? CompletableFuture.failedFuture(new TimeoutException("slow")) : secondAsk;
      }

      @Override
      public CompletionStage<?> read(String customerId) {
        return CompletableFuture.completedFuture("features");
      }
    };
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CustomerRecorder recorder = new CustomerRecorder(
        slowThenConfirming, () -> CompletableFuture.completedFuture(true), RETRY, testKit.system(),
        testKit.system().executionContext(), new NodeMetrics(meters));

    CompletableFuture<List<CustomerRecorder.Outcome>> outcomes =
        recorder.record(List.of(event("e-1", 10)), refused -> CompletableFuture.completedFuture(null)).toCompletableFuture();

    awaitCondition(() -> asks.get() == 2);
    assertEquals(1, waiting(meters), "waiting from the first unconfirmed ask, before any poison check");
    secondAsk.complete(new CustomerEntity.EventAcks(List.of(new CustomerEntity.EventAck("e-1", false))));
    assertTrue(outcomes.get(WAIT_SECONDS, TimeUnit.SECONDS).get(0) instanceof CustomerRecorder.Recorded);
    assertEquals(0, waiting(meters));
  }

  private static double waiting(SimpleMeterRegistry meters) {
    return meters.get("concierge.ingestion.waiting").gauge().value();
  }

  private CustomerRecorder recorder(FakeCustomers customers, boolean journalUp) {
    return recorder(customers, new AtomicBoolean(journalUp));
  }

  private CustomerRecorder recorder(FakeCustomers customers, AtomicBoolean journalUp) {
    return new CustomerRecorder(
        customers, () -> CompletableFuture.completedFuture(journalUp.get()), RETRY, testKit.system(),
        testKit.system().executionContext(), new NodeMetrics(new SimpleMeterRegistry()));
  }

  private static List<CustomerRecorder.Outcome> await(CompletionStage<List<CustomerRecorder.Outcome>> outcomes)
      throws Exception {
    return outcomes.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void awaitCondition(BooleanSupplier condition) {
    Eventually.within(Duration.ofSeconds(WAIT_SECONDS), "the condition holds", condition::getAsBoolean);
  }


  private static SourcedEvent event(String eventId, long offset) {
    return new SourcedEvent(CustomerEvent.of(eventId, "c-1", EventType.VIEW, "sku-1", T0), new KafkaSource(PARTITION, offset));
  }

  /** Never confirms a command holding the poison event; silent for the first asks when told to. */
  private static final class FakeCustomers implements CustomerRecorder.Customers {
    final String poison;
    final boolean answersReads;
    final AtomicInteger silentFor = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    // what happened to the events asked alone, in order: "recorded e-1", "refused e-2"
    final List<String> alone = new CopyOnWriteArrayList<>();
    final List<SourcedEvent> askedAlone = new CopyOnWriteArrayList<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    FakeCustomers(String poison, boolean answersReads) {
      this.poison = poison;
      this.answersReads = answersReads;
    }

    @Override
    public CompletionStage<CustomerEntity.EventAcks> record(List<SourcedEvent> events) {
      events.forEach(event -> asked.add(event.event().eventId()));
      if (events.size() == 1) {
        askedAlone.add(events.get(0));
      }
      if (silentFor.getAndDecrement() > 0 || events.stream().anyMatch(event -> event.event().eventId().equals(poison))) {
        return CompletableFuture.failedFuture(new TimeoutException("no confirmation"));
      }
      if (events.size() == 1) {
        alone.add("recorded " + events.get(0).event().eventId());
      }
      return CompletableFuture.completedFuture(new CustomerEntity.EventAcks(
          events.stream().map(event -> new CustomerEntity.EventAck(event.event().eventId(), false)).toList()));
    }

    CompletionStage<?> handOver(CustomerRecorder.Refused refused) {
      alone.add("refused " + refused.sourced().event().eventId());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> read(String customerId) {
      reads.incrementAndGet();
      return answersReads
          ? CompletableFuture.completedFuture("features")
          : CompletableFuture.failedFuture(new TimeoutException("no answer"));
    }
  }
}
