package dev.concierge.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StartedTest {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
  private final Started started = new Started(STOP_TIMEOUT, new PrintStream(progress, true, StandardCharsets.UTF_8));

  @Test
  void theEndOfTheRunStopsEveryProcessItStartedByPid() throws IOException {
    Process first = started.start("first", sleeper());
    Process second = started.start("second", sleeper());

    started.close();

    assertFalse(first.isAlive());
    assertFalse(second.isAlive());
    assertTrue(log().contains("[first] stopped (pid " + first.pid() + ")"), log());
  }

  @Test
  void whatStartedLastStopsFirstSoTheServicesStopAfterTheProcessesThatUseThem() throws IOException {
    AtomicReference<Process> node = new AtomicReference<>();
    List<String> seen = new ArrayList<>();
    started.onClose("services", () -> seen.add("services, the node " + (node.get().isAlive() ? "running" : "gone")));
    node.set(started.start("node", sleeper()));
    started.onClose("last", () -> seen.add("last, the node " + (node.get().isAlive() ? "running" : "gone")));

    started.close();

    assertEquals(List.of("last, the node running", "services, the node gone"), seen);
  }

  @Test
  void aProcessStoppedDuringTheRunIsNotStoppedAgain() throws IOException {
    Process node = started.start("node", sleeper());

    started.stop(node);
    started.close();

    assertFalse(node.isAlive());
    assertEquals(1, log().split("\\[node] stopped", -1).length - 1, log());
  }

  @Test
  void aSecondStopReturnsOnlyOnceTheFirstIsDone() throws Exception {
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    started.onClose("slow", () -> {
      stopping.countDown();
      await(release);
      done.set(true);
    });
    Thread first = new Thread(started::close);
    first.start();
    stopping.await();

    AtomicBoolean doneWhenSecondReturned = new AtomicBoolean();
    Thread second = new Thread(() -> {
      started.close();
      doneWhenSecondReturned.set(done.get());
    });
    second.start();
    while (second.isAlive() && second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    second.join();
    first.join();

    assertTrue(doneWhenSecondReturned.get(), "the second stop returned before the first was done");
  }

  @Test
  void nothingStartsOnceTheStopBegan() {
    started.close();

    assertThrows(IllegalStateException.class, () -> started.start("late", sleeper()));
    assertThrows(IllegalStateException.class, () -> started.onClose("late", () -> { }));
  }

  @Test
  void aRunThatEndsOnItsOwnIsStoppingButWasNotSignalled() {
    assertFalse(started.stopping());

    started.close();

    assertTrue(started.stopping());
    assertFalse(started.signalled());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProcessBuilder sleeper() {
    return new ProcessBuilder("sleep", "60");
  }

  private String log() {
    return progress.toString(StandardCharsets.UTF_8);
  }
}
