package dev.concierge.offline.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.persistence.json.EventJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A history exported as JSON lines: one {@code customer-events} JSON object per line, UTF-8, gzip
 * compressed if the name ends in {@code .gz}. The format is forgiving, so a user can bring history
 * from elsewhere:
 *
 * <ul>
 *   <li>fields the contract does not know are ignored; the known ones are checked as the contract
 *       says (eventId, customerId, type, timestamp and itemId, or fromCustomerId for a merge, required;
 *       price, quantity, sessionId, context optional);
 *   <li>{@code timestamp} may be any form {@link Timestamps} accepts (ISO-8601 with {@code Z} or an
 *       offset, {@code T} or a space, optional seconds and fraction) or epoch milliseconds as a JSON
 *       integer;
 *   <li>blank lines are skipped, Windows line ends are fine;
 *   <li>an invalid line is skipped and counted, with its number and reason, in the
 *       {@link ReplayReport}; lines longer than 1 MiB are invalid.
 * </ul>
 *
 * <p>A missing file is a {@link ReplaySourceException}; an empty one, or one without a valid event
 * in the range, an {@link EmptySourceException}.
 *
 * <p>Each customer's events keep their line order. The file is scanned once for its timestamps
 * first: if they never decrease, the replay streams in constant memory (holding only events of the
 * same instant). Otherwise every valid event in the range is loaded on {@link #open}, at about 330
 * bytes of heap per event (measured on simulated events: a 10-million-event unsorted file wants a
 * 4 GB heap), and then merged; sort big files by time once instead.
 */
public final class FileEventSource implements EventSource {

  private static final int SINGLE_INPUT = 0;

  private final HistoryFile file;
  private final int dedupeWindow;
  private final EventJson json = new EventJson(new ObjectMapper(), Timestamps.EVENT_FIELD);

  /** A file replayed as it is, redeliveries included. */
  public FileEventSource(Path path) {
    this(path, RedeliveryFilter.KEEP_ALL);
  }

  /**
   * @param dedupeWindow drop an event whose id the customer had among its last this many events, as
   *     the live customer does (pass its {@code concierge.customer.dedupe-window}); 0 keeps all
   */
  public FileEventSource(Path path, int dedupeWindow) {
    this.file = new HistoryFile(path);
    this.dedupeWindow = RedeliveryFilter.checkedWindow(dedupeWindow);
  }

  @Override
  public String description() {
    return "file " + file.path();
  }

  @Override
  public ReplayEvents open(TimeRange range) {
    file.requireReadable();
    ReplayCounters counters = new ReplayCounters();
    try {
      FileProfile profile = FileProfile.scan(file, json);
      if (profile.isEmpty()) {
        throw new EmptySourceException(
            description() + " is empty: expected one event JSON object per line", counters.report());
      }
      ValidLines lines = new ValidLines(file.lines(), json, counters);
      MergedEvents merged;
      if (profile.sorted()) {
        counters.plannedEvents(profile.nonBlankLines());
        merged = new SortedFileEvents(lines, range, counters, description());
      } else {
        merged = loadWhole(lines, range, counters);
      }
      return new ReplayEvents(description(), range, merged, counters, new RedeliveryFilter(dedupeWindow));
    } catch (IOException e) {
      throw new ReplaySourceException("reading " + description() + " failed: " + e.getMessage(), e);
    }
  }

  private static MergedEvents loadWhole(ValidLines lines, TimeRange range, ReplayCounters counters)
      throws IOException {
    LaneMerge merge = new LaneMerge(1);
    try (lines) {
      for (CustomerEvent event = lines.next(); event != null; event = lines.next()) {
        if (range.contains(event.timestamp())) {
          merge.add(SINGLE_INPUT, new EventRecorded(event, null));
        } else {
          counters.outsideRange();
        }
      }
    }
    counters.plannedEvents(merge.size());
    return new DrainedMerge(merge);
  }
}
