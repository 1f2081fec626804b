package dev.concierge.engine.ingestion;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether ingestion moves: batches taken from Kafka against batches done (their offsets handed to the
 * committer, in order). While records wait uncommitted, ingestion has work; if it commits none of it for
 * a while, ingestion is stalled, and a stall must be visible rather than look like a quiet topic.
 *
 * <p>Only a batch done moves the clock. A stream that fails leaves its batches uncommitted, and the
 * stream restarted from the committed offsets reads them again: they are still owed, so a restart keeps
 * the clock running, and a stream that restarts on the same record for ever is a stall like any other.
 * What is owed is forgotten only when the restarted stream takes nothing for {@code forgetAfter}: its
 * partitions went to another node, or their records were committed by it.
 *
 * <p>Called once per batch, from the stream and from the stall checks: synchronized, which costs nothing
 * beside a batch's work.
 */
public final class IngestionProgress {

  private final LongSupplier nanoTime;
  private final long forgetAfterNanos;
  // batches of the stream now running
  private long taken;
  private long done;
  // a failed stream left records uncommitted, which the running one reads again
  private boolean owed;
  private int restartsSinceMoved;
  private long startedAt;
  // when a batch was last done, or when work arrived while there was none
  private long movedAt;

  /** @param forgetAfter how long a restarted stream that takes nothing still owes its predecessor's records */
  public IngestionProgress(LongSupplier nanoTime, Duration forgetAfter) {
    this.nanoTime = nanoTime;
    this.forgetAfterNanos = forgetAfter.toNanos();
    this.startedAt = nanoTime.getAsLong();
    this.movedAt = startedAt;
  }

  synchronized void batchTaken() {
    long now = nanoTime.getAsLong();
    if (!hasWork(now)) {
      movedAt = now;
    }
    taken++;
  }

  synchronized void batchDone() {
    done++;
    owed = false;
    restartsSinceMoved = 0;
    movedAt = nanoTime.getAsLong();
  }

  /** A new stream starts from the committed offsets: the batches of the failed one will be read again. */
  synchronized void streamStarted() {
    long now = nanoTime.getAsLong();
    owed = hasWork(now);
    if (owed) {
      restartsSinceMoved++;
    }
    taken = 0;
    done = 0;
    startedAt = now;
  }

  /** Restarts of the stream since ingestion last committed anything, while it had work. */
  public synchronized int restartsSinceMoved() {
    return restartsSinceMoved;
  }

  /** How long ingestion has had work and committed none of it; zero while it moves or has none. */
  public synchronized Duration stalledFor() {
    long now = nanoTime.getAsLong();
    return hasWork(now) ? Duration.ofNanos(now - movedAt) : Duration.ZERO;
  }

  private boolean hasWork(long now) {
    return taken > done || owed && now - startedAt < forgetAfterNanos;
  }
}
