package dev.concierge.tools.admin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows one member through {@code GET /admin/members} while it leaves the cluster, printing each
 * status it passes (Leaving, Exiting...) with the time since the watch began, until it is removed.
 */
final class RemovalWatch {

  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  private static final String REMOVED = "Removed";
  private static final double NANOS_PER_SECOND = 1e9;

  private final AdminClient client;
  private final String address;
  private final PrintStream progress;
  private final long startedNanos = System.nanoTime();
  private String lastSeen = "";

  RemovalWatch(AdminClient client, String address, PrintStream progress) {
    this.client = client;
    this.address = address;
    this.progress = progress;
  }

  /**
   * Polls until the member is gone (true), or until {@code done} completes or the deadline passes
   * (false). Between polls it waits on {@code done}, so that its completion ends the wait at once.
   */
  boolean awaitRemoval(CompletableFuture<?> done, long deadlineNanos) {
    while (true) {
      if (poll()) {
        return true;
      }
      if (done.isDone() || System.nanoTime() >= deadlineNanos) {
        return false;
      }
      pause(done);
    }
  }

  /** What the member was last seen as: a status, or a failure to ask. */
  String lastSeen() {
    return lastSeen;
  }

  String elapsed() {
    return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - startedNanos) / NANOS_PER_SECOND);
  }

  private boolean poll() {
    String seen;
    try {
      seen = Members.fetch(client).member(address).map(Members.Member::status).orElse(REMOVED);
    } catch (AdminApiException e) {
      // the drain itself tells how it ended; a missed look is only a gap in the progress
      seen = "not known (" + e.getMessage() + ")";
    }
    if (!seen.equals(lastSeen)) {
      progress.println("  " + address + ": " + seen + " after " + elapsed());
      lastSeen = seen;
    }
    return seen.equals(REMOVED);
  }

  private void pause(CompletableFuture<?> done) {
    try {
      done.get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // time to look again; a failed request is reported by whoever joins it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + address + " to leave", e);
    }
  }
}
