package dev.concierge.operations;

import dev.concierge.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation or a fault, run while a batch of shopper events streams in and storefront decisions
 * keep coming. Afterwards ingestion must catch up, every customer's counts must equal the unique
 * events sent to them, and no decision may have failed. Each run adds a row to a Markdown table.
 */
final class MidStreamDrill {

  private static final Duration SENDING_STARTS = Duration.ofSeconds(30);

  /**
   * @param startAfterEvents the operation starts once this many of the run's events are out, so that
   *     it happens mid-stream
   * @param countsSettle how long a customer whose counts are off at first (its entity was recovering
   *     somewhere) may take to agree
   */
  record Pace(int eventsPerRun, int eventsPerSecond, int startAfterEvents, Duration catchUp, Duration countsSettle) {}

  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }

  private final ShopperEvents events;
  private final DecisionLoad decisions;
  private final IngestionAudit audit;
  private final Pace pace;
  private final List<String> table = new ArrayList<>(List.of(
      "| operation | unique events | redeliveries | decisions | personal | fallback | failed | counts exact |",
      "|---|---|---|---|---|---|---|---|"));
  private int runs;

  MidStreamDrill(ShopperEvents events, DecisionLoad decisions, IngestionAudit audit, Pace pace) {
    this.events = events;
    this.decisions = decisions;
    this.audit = audit;
    this.pace = pace;
  }

  /** Runs the operation mid-stream, checks every customer's counts, and returns the decisions made meanwhile. */
  DecisionLoad.Counts run(String name, Operation operation) throws Exception {
    return run(name, pace, operation);
  }

  /** As {@link #run(String, Operation)}, at another pace for this run. */
  DecisionLoad.Counts run(String name, Pace pace, Operation operation) throws Exception {
    decisions.nextPhase();
    long duplicatesBefore = events.duplicatesSent();
    String runId = "run" + (++runs);
    Thread sender = new Thread(() -> {
      try {
        events.send(runId, pace.eventsPerRun(), pace.eventsPerSecond());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "events-" + runId);
    Throwable[] senderFailure = new Throwable[1];
    sender.setUncaughtExceptionHandler((thread, e) -> senderFailure[0] = e);
    sender.start();
    try {
      long sentBefore = events.uniqueSent();
      Eventually.within(SENDING_STARTS, "the first " + pace.startAfterEvents() + " events are out",
          () -> events.uniqueSent() - sentBefore >= pace.startAfterEvents() || !sender.isAlive());
      operation.run();
    } finally {
      // the next run's events must not interleave with these
      sender.join();
    }
    if (senderFailure[0] != null) {
      throw new AssertionError("sending events failed", senderFailure[0]);
    }
    audit.awaitCaughtUp(pace.catchUp());
    List<String> mismatches = settledMismatches();
    DecisionLoad.Counts counts = decisions.nextPhase();
    table.add(String.format("| %s | %d | %d | %d | %d | %d | %d | %s |",
        name, pace.eventsPerRun(), events.duplicatesSent() - duplicatesBefore, counts.total(),
        counts.personal.sum(), counts.fallback.sum(), counts.failed.sum(),
        mismatches.isEmpty() ? "yes, " + events.expected().size() + " customers" : "NO"));
    if (!mismatches.isEmpty()) {
      throw new AssertionError(IngestionAudit.summary(mismatches));
    }
    if (counts.failed.sum() != 0) {
      throw new AssertionError("no decision may fail during '" + name + "': " + counts);
    }
    return counts;
  }

  /** The table so far: a header and a row per run. */
  List<String> table() {
    return table;
  }

  // the customers off at the first audit are read again until they agree or the time is up
  private List<String> settledMismatches() throws InterruptedException {
    List<String> mismatches = audit.mismatches(events.expected());
    Map<String, int[]> pending = new HashMap<>();
    for (String mismatch : mismatches) {
      String customer = mismatch.substring(0, mismatch.indexOf(':'));
      pending.put(customer, events.expected().get(customer));
    }
    try {
      Eventually.within(pace.countsSettle(), "every customer's counts agree", () -> recheck(pending).isEmpty());
      return List.of();
    } catch (AssertionError stillOff) {
      return recheck(pending);
    }
  }

  private List<String> recheck(Map<String, int[]> customers) {
    try {
      return audit.mismatches(customers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
