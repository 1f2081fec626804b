package dev.concierge.engine.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;

/** Asks again on the actor system's scheduler, without blocking a thread, until an answer comes or time is up. */
final class Polling {

  private final ActorSystem<?> system;
  private final Duration every;
  private final Clock clock;

  Polling(ActorSystem<?> system, Duration every, Clock clock) {
    this.system = system;
    this.every = every;
    this.clock = clock;
  }

  /** The first value an attempt gives, or empty when {@code within} has passed. */
  <T> CompletionStage<Optional<T>> until(Supplier<CompletionStage<Optional<T>>> attempt, Duration within) {
    return poll(attempt, clock.millis() + within.toMillis());
  }

  private <T> CompletionStage<Optional<T>> poll(Supplier<CompletionStage<Optional<T>>> attempt, long deadline) {
    return attempt.get().thenComposeAsync(result -> {
      if (result.isPresent() || clock.millis() >= deadline) {
        return CompletableFuture.completedFuture(result);
      }
      return Patterns.after(
          every, system.classicSystem().scheduler(), system.executionContext(), () -> poll(attempt, deadline));
    }, system.executionContext());
  }
}
