package dev.concierge.benchmarks.harness;

import dev.concierge.tools.nodes.NodeLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What a bench run started, stopped once and newest first when the run ends, fails, or the JVM shuts down
 * (Ctrl-C, SIGTERM: a shutdown hook): its processes by pid (SIGTERM, then SIGKILL after the stop timeout),
 * and whatever else registered how to stop it (the local services, through their launcher). Once the stop
 * began, nothing new starts.
 */
final class Started implements AutoCloseable {

  /** How one thing the run started is stopped; {@code process} is null for what is not a process. */
  private record Stop(String name, Process process, Runnable action) {}

  private final Duration stopTimeout;
  private final PrintStream progress;
  private final Deque<Stop> stops = new ArrayDeque<>();
  private final Thread hook = new Thread(this::onShutdown, "bench-stop");
  private boolean closed;
  private boolean stopped;
  private boolean signalled;

  Started(Duration stopTimeout, PrintStream progress) {
    this.stopTimeout = stopTimeout;
    this.progress = progress;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts {@code builder}'s process, to be stopped with the rest unless {@link #stop} or {@link #ended} comes first. */
  synchronized Process start(String name, ProcessBuilder builder) throws IOException {
    requireOpen();
    Process process = builder.start();
    stops.push(new Stop(name, process, () -> NodeLauncher.stop(process.toHandle(), stopTimeout, name, progress)));
    return process;
  }

  /** Registers how to stop something that is not one process; it runs in turn with the rest. */
  synchronized void onClose(String name, Runnable action) {
    requireOpen();
    stops.push(new Stop(name, null, action));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("interrupted: the run is being stopped");
    }
  }

  /** Stops a process of the run now, and forgets it. */
  void stop(Process process) {
    forget(process).ifPresent(Runnable::run);
  }

  /** Forgets a process of the run that ended. */
  void ended(Process process) {
    forget(process);
  }

  private synchronized Optional<Runnable> forget(Process process) {
    for (Stop stop : stops) {
      if (stop.process() == process) {
        stops.remove(stop);
        return Optional.of(stop.action());
      }
    }
    return Optional.empty();
  }

  /** Whether the stop began: a process that ends now was stopped. */
  synchronized boolean stopping() {
    return closed;
  }

  /** Whether a signal stopped the run: what failed after it failed because of the stop. */
  synchronized boolean signalled() {
    return signalled;
  }

  /**
   * Stops everything still registered, newest first; once (the end of the run or the shutdown hook), and a
   * second call returns when the first is done.
   */
  @Override
  public void close() {
    List<Stop> toStop;
    synchronized (this) {
      if (closed) {
        awaitStopped();
        return;
      }
      closed = true;
      toStop = new ArrayList<>(stops);
      stops.clear();
    }
    for (Stop stop : toStop) {
      try {
        stop.action().run();
      } catch (RuntimeException e) {
        progress.println("[" + stop.name() + "] WARNING: could not stop it: " + e.getMessage());
      }
    }
    synchronized (this) {
      stopped = true;
      notifyAll();
    }
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook runs, and finds everything stopped
      }
    }
  }

  private void awaitStopped() {
    while (!stopped) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void onShutdown() {
    synchronized (this) {
      signalled = !closed;
    }
    if (signalled()) {
      progress.println("[" + BenchRun.TAG + "] interrupted: stopping what this run started");
    }
    close();
  }
}
