package dev.concierge.benchmarks.baseline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A task run at a fixed rate on the system's dispatcher until the system shuts down: it is cancelled
 * when the services stop, before the Redis connection it uses is closed.
 */
final class RepeatedTask {

  private RepeatedTask() {}

  static void start(ActorSystem<?> system, String name, Duration initialDelay, Duration every, Runnable task) {
    Cancellable scheduled = system.scheduler().scheduleAtFixedRate(initialDelay, every, task, system.executionContext());
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceStop(), "baseline-cancel-" + name, () -> {
          scheduled.cancel();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }
}
