package dev.concierge.benchmarks.replay;

import dev.concierge.models.EventRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Fills a journal with a history the way the customer entity writes it: through Pekko Persistence's
 * own Cassandra journal, one persistent actor per customer under the entity's persistence ids, each
 * customer's events persisted in order. Only the bytes in Cassandra matter to a replay, so the actor
 * is a bare writer, not the entity (which would also snapshot and need a cluster).
 */
final class JournalFill {

  /**
   * Events per write: one write is one Cassandra batch, which Cassandra refuses above 50 KiB
   * ({@code batch_size_fail_threshold}); 100 events are about 15 KiB.
   */
  private static final int EVENTS_PER_WRITE = 100;
  /** Customers written at once: enough writes in flight to keep a 2-core Cassandra busy. */
  private static final int CUSTOMERS_AT_A_TIME = 64;
  private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(1);

  private final ActorSystem<?> system;
  private final String entityType;

  JournalFill(ActorSystem<?> system, String entityType) {
    this.system = system;
    this.entityType = entityType;
  }

  /**
   * Writes {@code history} (in time order) and returns the number of customers; {@code written} hears
   * the running count of events persisted.
   */
  int write(List<EventRecorded> history, LongConsumer written) {
    Map<String, List<EventRecorded>> byCustomer = new LinkedHashMap<>();
    history.forEach(recorded ->
        byCustomer.computeIfAbsent(recorded.event().customerId(), id -> new ArrayList<>()).add(recorded));
    AtomicLong persisted = new AtomicLong();
    Source.from(byCustomer.entrySet())
        .mapAsyncUnordered(CUSTOMERS_AT_A_TIME, customer -> writeCustomer(customer.getKey(), customer.getValue()))
        .runWith(Sink.foreach(events -> written.accept(persisted.addAndGet(events))), system)
        .toCompletableFuture()
        .join();
    return byCustomer.size();
  }

  private CompletionStage<Integer> writeCustomer(String customerId, List<EventRecorded> events) {
    ActorRef<Writer.Command> writer =
        system.systemActorOf(Writer.create(PersistenceId.of(entityType, customerId)), "fill-" + customerId, Props.empty());
    CompletionStage<Done> done = CompletableFuture.completedStage(Done.getInstance());
    for (int from = 0; from < events.size(); from += EVENTS_PER_WRITE) {
      List<EventRecorded> chunk = events.subList(from, Math.min(events.size(), from + EVENTS_PER_WRITE));
      done = done.thenCompose(previous ->
          AskPattern.ask(writer, replyTo -> new Writer.Write(List.copyOf(chunk), replyTo), WRITE_TIMEOUT, system.scheduler()));
    }
    return done.thenApply(last -> {
      writer.tell(new Writer.Stop());
      return events.size();
    });
  }

  /** Persists what it is told, in order. */
  private static final class Writer extends EventSourcedBehavior<Writer.Command, EventRecorded, Long> {

    sealed interface Command {}

    record Write(List<EventRecorded> events, ActorRef<Done> replyTo) implements Command {}

    record Stop() implements Command {}

    static Behavior<Command> create(PersistenceId id) {
      return new Writer(id);
    }

    private Writer(PersistenceId id) {
      super(id);
    }

    @Override
    public Long emptyState() {
      return 0L;
    }

    @Override
    public CommandHandler<Command, EventRecorded, Long> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(Write.class, (state, write) ->
              Effect().persist(write.events()).thenRun(written -> write.replyTo().tell(Done.getInstance())))
          .onCommand(Stop.class, (state, stop) -> Effect().stop())
          .build();
    }

    @Override
    public EventHandler<Long, EventRecorded> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
    }
  }
}
