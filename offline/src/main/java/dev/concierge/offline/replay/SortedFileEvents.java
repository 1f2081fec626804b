package dev.concierge.offline.replay;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import java.io.IOException;
import java.time.Instant;

/**
 * A file in time order, replayed as it is read. Only events of the latest time read are held back,
 * until a later time shows that no more can come, so that ties are ordered by customer. Reading
 * stops at the first event at or after the range's end: no later line can be inside.
 */
final class SortedFileEvents implements MergedEvents {

  private static final int SINGLE_INPUT = 0;

  private final ValidLines lines;
  private final TimeRange range;
  private final ReplayCounters counters;
  private final String file;
  private final LaneMerge merge = new LaneMerge(1);
  private Instant latestRead;
  private boolean endOfRange;

  SortedFileEvents(ValidLines lines, TimeRange range, ReplayCounters counters, String file) {
    this.lines = lines;
    this.range = range;
    this.counters = counters;
    this.file = file;
  }

  @Override
  public EventRecorded next() {
    while (true) {
      if (!merge.isEmpty() && (endOfRange || merge.headTime().isBefore(latestRead))) {
        return merge.poll();
      }
      if (endOfRange) {
        return null;
      }
      readOne();
    }
  }

  private void readOne() {
    CustomerEvent event;
    try {
      event = lines.next();
    } catch (IOException e) {
      throw new ReplaySourceException("reading " + file + " failed after " + lines.where() + ": " + e.getMessage(), e);
    }
    if (event == null) {
      endOfRange = true;
    } else if (range.isPastEnd(event.timestamp())) {
      counters.outsideRange();
      endOfRange = true;
    } else if (range.isBeforeStart(event.timestamp())) {
      counters.outsideRange();
    } else {
      merge.add(SINGLE_INPUT, new EventRecorded(event, null));
      latestRead = event.timestamp();
    }
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      throw new ReplaySourceException("closing " + file + " failed: " + e.getMessage(), e);
    }
  }
}
