package dev.concierge.engine.ingestion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Lets each customer's groups of events go to its actor one at a time, in the order ingestion read
 * them: a group is asked for only once the customer's group before it was settled, however many
 * batches are in flight. A customer drops a record whose offset is at or below the highest it persisted
 * from that partition, so no group may be persisted before an earlier one that is still unsettled: a
 * persist that failed restarts the actor, and a later group that overtook the earlier one's retry would
 * make the earlier one look delivered. Customers wait only for their own earlier groups.
 *
 * <p>A turn is what ingestion makes of a group: {@link CustomerRecorder} asking it, again while the
 * journal is out, and event by event when one of its events is poison, each poison event handed to the
 * dead-letter topic before the next event is asked. A group whose poison events went to the dead-letter
 * topic is settled, like one whose events were all recorded, and the customer's next group goes.
 *
 * <p>A group whose predecessor failed for good fails too, without being asked, and so does every later
 * one of that customer: the stream is failing then, and its restart, which takes new turns, reads again
 * from the last committed offset, which is before all of them. One instance serves one run of the
 * stream.
 *
 * <p>A customer's next turn starts on the thread that completed the turn before it, without a hop to an
 * executor: a turn's stage must therefore complete on a thread that may start one (the recorder's
 * completes on the actor system's executor, never on the answering actor's thread), and starting one
 * only sends an ask.
 */
final class CustomerTurns {

  // the latest turn of each customer with one unfinished or failed; a settled turn removes itself
  private final ConcurrentMap<String, CompletableFuture<?>> latest = new ConcurrentHashMap<>();

  /** Starts {@code turn} once the customer's turns taken before it have completed; completes as it does. */
  <T> CompletionStage<T> take(String customerId, Supplier<CompletionStage<T>> turn) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<?> before = latest.put(customerId, mine);
    CompletionStage<T> started = before == null ? turn.get() : before.thenCompose(done -> turn.get());
    // bookkeeping only, on the thread that completed the turn: a hop to an executor per event group would
    // cost the ingestion path more than this does
    started.whenComplete((value, failure) -> {
      if (failure == null) {
        latest.remove(customerId, mine);
        mine.complete(value);
      } else {
        mine.completeExceptionally(failure);
      }
    });
    return mine;
  }
}
