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
 * asked alone, in order, and one that still fails is refused, to go to the dead-letter topic with
 * its reason. Otherwise (Cassandra down or slow, the actor unreachable) the group is asked again
 * with backoff for as long as {@code persist-retry} allows, holding its partition (backpressure), as
 * an outage should.
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

  /** One outcome per event of the group, in its order. */
  CompletionStage<List<Outcome>> record(List<SourcedEvent> group) {
    return customers.record(group)
        .thenApply(acks -> recorded(group, acks))
        .exceptionallyComposeAsync(failure -> retriedOrIsolated(group), executor);
  }

  private CompletionStage<List<Outcome>> retriedOrIsolated(List<SourcedEvent> group) {
    return askedAgain(group, retry.isolateAfter())
        .thenApply(acks -> recorded(group, acks))
        .exceptionallyComposeAsync(failure -> poisonSuspected(group).thenComposeAsync(suspected -> suspected
            ? isolated(group, failure)
            : waitedFor(group, failure), executor), executor);
  }

  // each event alone and in order: the customer's later events must not overtake its earlier ones
  private CompletionStage<List<Outcome>> isolated(List<SourcedEvent> group, Throwable failure) {
    if (group.size() == 1) {
      return CompletableFuture.completedFuture(List.of(refused(group.get(0), failure)));
    }
    CompletionStage<List<Outcome>> outcomes = CompletableFuture.completedFuture(new ArrayList<>(group.size()));
    for (SourcedEvent event : group) {
      outcomes = outcomes.thenComposeAsync(sofar -> alone(event).thenApply(outcome -> {
        sofar.addAll(outcome);
        return sofar;
      }), executor);
    }
    return outcomes;
  }

  private CompletionStage<List<Outcome>> alone(SourcedEvent event) {
    List<SourcedEvent> single = List.of(event);
    return askedAgain(single, retry.isolateAfter())
        .thenApply(acks -> recorded(single, acks))
        .exceptionallyComposeAsync(failure -> poisonSuspected(single).thenComposeAsync(suspected -> suspected
            ? CompletableFuture.completedFuture(List.<Outcome>of(refused(event, failure)))
            : waitedFor(single, failure), executor), executor);
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
        ? customers.read(events.get(0).event().customerId()).handle((read, failure) -> failure == null)
        : CompletableFuture.completedFuture(false), executor);
  }

  // Cassandra is down or slow, or the actor unreachable: the rest of persist-retry's attempts. Holding these events holds their batch, and the
  // batches after it (mapAsync keeps order), so nothing later is committed past them; the Kafka consumer
  // stays in its group while it waits.
  private CompletionStage<List<Outcome>> waitedFor(List<SourcedEvent> events, Throwable failure) {
    if (metrics.persistWaitStarted() == 0) {
      log.warn(
          "ingestion is waiting: customer {} did not confirm {} events from {} on ({}); asking again every {} at"
              + " most, committing nothing past them until they are confirmed",
          events.get(0).event().customerId(), events.size(), events.get(0).event().eventId(), failure.toString(),
          retry.maxBackoff());
    }
    return askedAgain(events, retry.attempts() - retry.isolateAfter() - 1)
        .whenCompleteAsync(
            (acks, failed) -> {
              if (metrics.persistWaitEnded() == 0) {
                log.info(failed == null
                    ? "ingestion resumed: customers confirm their events again"
                    : "ingestion gives up waiting and restarts from the last committed offsets");
              }
            },
            executor)
        .thenApply(acks -> recorded(events, acks));
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
