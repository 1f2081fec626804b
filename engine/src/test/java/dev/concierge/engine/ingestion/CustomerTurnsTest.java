package dev.concierge.engine.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CustomerTurnsTest {

  private static final long WAIT_SECONDS = 5;

  private final CustomerTurns turns = new CustomerTurns();
  private final List<String> started = new CopyOnWriteArrayList<>();

  @Test
  void aCustomersLaterGroupStartsOnlyOnceItsEarlierOneIsConfirmed() throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    turns.take("c-1", () -> started("c-1 first", first));
    CompletionStage<String> second = turns.take("c-1", () -> started("c-1 second", CompletableFuture.completedFuture("ok")));

    assertEquals(List.of("c-1 first"), started, "the later group waits");
    first.complete("ok");

    assertEquals("ok", second.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(List.of("c-1 first", "c-1 second"), started);
  }

  @Test
  void anotherCustomerDoesNotWait() {
    turns.take("c-1", () -> started("c-1", new CompletableFuture<>()));
    turns.take("c-2", () -> started("c-2", new CompletableFuture<>()));

    assertEquals(List.of("c-1", "c-2"), started);
  }

  @Test
  void aGroupAfterOneThatFailedForGoodFailsWithoutBeingAsked() {
    turns.take("c-1", () -> started("c-1 first", CompletableFuture.failedFuture(new IllegalStateException("gave up"))));
    CompletionStage<String> second = turns.take("c-1", () -> started("c-1 second", CompletableFuture.completedFuture("ok")));

    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> second.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertTrue(failure.getCause().getMessage().contains("gave up"), failure.toString());
    assertFalse(started.contains("c-1 second"), "it must not overtake the group it follows");
  }

  @Test
  void aCustomerWhoseTurnsAllFinishedStartsTheNextAtOnce() {
    turns.take("c-1", () -> started("c-1 first", CompletableFuture.completedFuture("ok")));
    turns.take("c-1", () -> started("c-1 second", new CompletableFuture<>()));

    assertEquals(List.of("c-1 first", "c-1 second"), started);
  }

  private CompletionStage<String> started(String name, CompletionStage<String> outcome) {
    started.add(name);
    return outcome;
  }
}
