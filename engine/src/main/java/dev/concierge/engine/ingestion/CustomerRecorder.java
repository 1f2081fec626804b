package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.CustomerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.pattern.Patterns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has a customer's actor record a group of its events, and tells an event that actor cannot take
 * (a poison event) from an outage, so that one record never holds its partition.
 *
 * <p>A group its actor does not confirm is asked again a few times. If it still is not confirmed, the
 * journal answers and the customer's actor answers a read, the fault lies with the events: each is
 * asked alone, in order, and one that still fails is refused: it is handed to the caller's
 * {@link Refusals} (the dead-letter topic, with its reason), and the customer's next event is asked only
 * once it is there. Each event goes with its source all along, alone as in its group, so that the
 * customer still drops a record it persisted before by its offset. Otherwise (Cassandra down or slow,
 * the actor unreachable) the group is asked again with backoff for as long as {@code persist-retry}
 * allows, holding its partition (backpressure), as an outage should.
 *
 * <p>Why a refused event must be handed over before its customer's next event is asked: the customer
 * takes every record at or below the highest offset it persisted for a duplicate. Once a later record of
 * the customer is persisted, a redelivery of the refused one would be dropped, so it must be in the
 * dead-letter topic by then; if handing it over fails, the group fails, nothing after it is asked, and the
 * redelivery isolates it again.
 */
final class CustomerRecorder {

  private static final Logger log = LoggerFactory.getLogger(CustomerRecorder.class);

  /** What happened to one event. */
  sealed interface Outcome {
    SourcedEvent sourced();
  }

  /** @param duplicate true when it was already recorded (its record, or its id), so nothing changed */
  record Recorded(SourcedEvent sourced, boolean duplicate) implements Outcome {}

  /** The customer's actor could not take it while the journal and the actor were healthy. */
  record Refused(SourcedEvent sourced, String reason) implements Outcome {}

  /** Where a refused event goes; completes once it is there, and fails if it could not be put there. */
  interface Refusals {
    CompletionStage<?> handOver(Refused refused);
  }

  /** The customers' actors, as ingestion reaches them. */
  interface Customers {
    CompletionStage<CustomerEntity.EventAcks> record(List<SourcedEvent> events);

    /** Completes when the customer's actor answered a read, which writes nothing. */
    CompletionStage<?> read(String customerId);
  }

  private final Customers customers;
  private final Supplier<CompletionStage<Boolean>> journalReachable;
  private final PersistRetry retry;
  private final ClassicActorSystemProvider system;
  private final Executor executor;
  private final NodeMetrics metrics;

  /** @param journalReachable completes true when the journal's Cassandra answers a trivial query */
  CustomerRecorder(
      Customers customers,
      Supplier<CompletionStage<Boolean>> journalReachable,
      PersistRetry retry,
      ClassicActorSystemProvider system,
      Executor executor,
      NodeMetrics metrics) {
    this.customers = customers;
    this.journalReachable = journalReachable;
    this.retry = retry;
    this.system = system;
    this.executor = executor;
    this.metrics = metrics;
  }

  /**
   * One outcome per event of the group, in its order. It completes once the group is settled: each event
   * recorded, or refused and handed to {@code refusals}. It fails when an outage outlasts
   * {@code persist-retry}, or a refused event could not be handed over. It completes on the executor,
   * never on the thread of the actor that answered the ask, so callers may go on from it without a hop.
   */
  CompletionStage<List<Outcome>> record(List<SourcedEvent> group, Refusals refusals) {
    return customers.record(group)
        .thenApplyAsync(acks -> recorded(group, acks), executor)
        .exceptionallyComposeAsync(failure -> waiting(group, failure, () -> retriedOrIsolated(group, refusals)), executor);
  }

  // From the first unconfirmed ask until the group is settled, its events wait, and so does its partition:
  // holding them holds their batch and the batches after it (mapAsync keeps order), so nothing later is
  // committed past them, while the Kafka consumer stays in its group.
  private CompletionStage<List<Outcome>> waiting(
      List<SourcedEvent> group, Throwable failure, Supplier<CompletionStage<List<Outcome>>> settled) {
    if (metrics.persistWaitStarted() == 0) {
      log.warn(
          "ingestion is waiting: customer {} did not confirm {} events from {} on ({}); asking again every {} at"
              + " most, committing nothing past them until they are confirmed or refused as poison",
          group.get(0).event().customerId(), group.size(), group.get(0).event().eventId(), failure.toString(),
          retry.maxBackoff());
    }
    return settled.get().whenCompleteAsync(
        (outcomes, failed) -> {
          if (metrics.persistWaitEnded() == 0) {
            log.info(failed == null
                ? "ingestion resumed: customers confirm their events again"
                : "ingestion gives up waiting and restarts from the last committed offsets");
          }
        },
        executor);
  }

  private CompletionStage<List<Outcome>> retriedOrIsolated(List<SourcedEvent> group, Refusals refusals) {
    return askedAgain(group, retry.isolateAfter())
        .thenApplyAsync(acks -> recorded(group, acks), executor)
        .exceptionallyComposeAsync(failure -> poisonSuspected(group).thenComposeAsync(suspected -> suspected
            ? isolated(group, failure, refusals)
            : waitedFor(group), executor), executor);
  }

  // each event alone and in order: the customer's later events must not overtake its earlier ones, nor
  // be persisted before a refused one is handed over
  private CompletionStage<List<Outcome>> isolated(List<SourcedEvent> group, Throwable failure, Refusals refusals) {
    if (group.size() == 1) {
      return handedOver(refused(group.get(0), failure), refusals).thenApplyAsync(List::of, executor);
    }
    CompletionStage<List<Outcome>> outcomes = CompletableFuture.completedFuture(new ArrayList<>(group.size()));
    for (SourcedEvent event : group) {
      outcomes = outcomes.thenComposeAsync(sofar -> alone(event, refusals).thenApplyAsync(outcome -> {
        sofar.addAll(outcome);
        return sofar;
      }, executor), executor);
    }
    return outcomes;
  }

  private CompletionStage<List<Outcome>> alone(SourcedEvent event, Refusals refusals) {
    List<SourcedEvent> single = List.of(event);
    return askedAgain(single, retry.isolateAfter())
        .thenApplyAsync(acks -> recorded(single, acks), executor)
        .exceptionallyComposeAsync(failure -> poisonSuspected(single).thenComposeAsync(suspected -> suspected
            ? handedOver(refused(event, failure), refusals).thenApplyAsync(List::<Outcome>of, executor)
            : waitedFor(single), executor), executor);
  }

  private CompletionStage<Outcome> handedOver(Refused refused, Refusals refusals) {
    return refusals.handOver(refused).thenApplyAsync(there -> refused, executor);
  }

  // the first of them at once, the others after a backoff
  private CompletionStage<CustomerEntity.EventAcks> askedAgain(List<SourcedEvent> events, int attempts) {
    return Patterns.retry(
        () -> {
          metrics.persistRetried();
          return customers.record(events);
        },
        attempts, retry.minBackoff(), retry.maxBackoff(), retry.randomFactor(), system);
  }

  // the journal answers and so does the customer's actor, yet it does not confirm these events
  private CompletionStage<Boolean> poisonSuspected(List<SourcedEvent> events) {
    return journalReachable.get().thenComposeAsync(reachable -> reachable
        ? customers.read(events.get(0).event().customerId()).handleAsync((read, failure) -> failure == null, executor)
        : CompletableFuture.completedFuture(false), executor);
  }

  // Cassandra is down or slow, or the actor unreachable: the rest of persist-retry's attempts
  private CompletionStage<List<Outcome>> waitedFor(List<SourcedEvent> events) {
    return askedAgain(events, retry.attempts() - retry.isolateAfter() - 1).thenApplyAsync(acks -> recorded(events, acks), executor);
  }

  private Refused refused(SourcedEvent sourced, Throwable failure) {
    CustomerEvent event = sourced.event();
    String reason = "customer " + event.customerId() + "'s actor did not take event " + event.eventId() + " in "
        + (retry.isolateAfter() + 1) + " attempts alone, while the journal and the actor answered otherwise: " + failure;
    log.warn("refusing a poison event: {}", reason);
    return new Refused(sourced, reason);
  }

  private static List<Outcome> recorded(List<SourcedEvent> events, CustomerEntity.EventAcks acks) {
    List<Outcome> outcomes = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      outcomes.add(new Recorded(events.get(i), acks.acks().get(i).duplicate()));
    }
    return outcomes;
  }
}
