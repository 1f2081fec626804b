package dev.concierge.benchmarks.baseline;

import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/** What the writer has done since it started: events applied, redeliveries dropped, records that are not events. */
final class WriterCounts {

  private final LongAdder applied = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder invalid = new LongAdder();
  private final LongAdder batches = new LongAdder();

  void applied() {
    applied.increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  void invalid() {
    invalid.increment();
  }

  void batchWritten() {
    batches.increment();
  }

  long appliedCount() {
    return applied.sum();
  }

  long duplicateCount() {
    return duplicates.sum();
  }

  long invalidCount() {
    return invalid.sum();
  }

  void report(Logger log) {
    log.info(
        "applied {} events, dropped {} redeliveries and {} records that are not events, in {} Redis batches",
        applied.sum(), duplicates.sum(), invalid.sum(), batches.sum());
  }
}
