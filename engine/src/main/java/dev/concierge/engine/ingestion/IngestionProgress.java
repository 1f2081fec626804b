package dev.concierge.engine.ingestion;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether ingestion moves: batches taken from Kafka against batches done (their offsets handed to the
 * committer, in order). While some are in flight, ingestion has work, so records wait uncommitted; if
 * none is done for a while meanwhile, ingestion is stalled, and a stall must be visible rather than
 * look like a quiet topic.
 */
public final class IngestionProgress {

  private final LongSupplier nanoTime;
  private final AtomicLong taken = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  // when a batch was last done, or when work arrived after none was in flight
  private volatile long movedAt;

  public IngestionProgress(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.movedAt = nanoTime.getAsLong();
  }

  void batchTaken() {
    // taken and done are only ever equal while idle; the first batch after that starts the clock
    if (taken.getAndIncrement() == done.get()) {
      movedAt = nanoTime.getAsLong();
    }
  }

  void batchDone() {
    done.incrementAndGet();
    movedAt = nanoTime.getAsLong();
  }

  /** A new stream starts from the committed offsets: the batches of the failed one are abandoned. */
  void streamStarted() {
    done.set(taken.get());
    movedAt = nanoTime.getAsLong();
  }

  /** Batches taken and not yet done. */
  public long inFlight() {
    return taken.get() - done.get();
  }

  /** How long ingestion has had work and done none of it; zero while it moves or has none. */
  public Duration stalledFor() {
    return inFlight() > 0 ? Duration.ofNanos(nanoTime.getAsLong() - movedAt) : Duration.ZERO;
  }
}
