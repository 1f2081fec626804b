package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts keyed journal events in time order in bounded memory, by an external merge sort: up to
 * {@code bufferEvents} are held, then sorted and written to a run file; when all are in, the runs and
 * what is still held are merged as the replay pulls. A journal that fits in the buffer never touches
 * the disk. Events are held as the journal's bytes and decoded as they are yielded. Memory is the
 * buffer plus one read buffer per run; disk is about the journal's own size.
 *
 * <p>A journal is stored by customer, in no time order, so no event can be yielded before the last
 * row is read: a time window or a merge of per-customer streams would hold as much or ask Cassandra
 * once per customer. Sorting is the price of one fast pass over the table.
 */
final class TimeOrderSort implements AutoCloseable {

  private static final String RUN_PREFIX = "concierge-replay-";

  private final int bufferEvents;
  private final Path directory;
  private final EventCodec codec;
  private final List<KeyedEvent> buffer = new ArrayList<>();
  private final List<SortRun> runs = new ArrayList<>();
  private Path runDirectory;
  private long size;

  /**
   * @param directory where run files go (in a directory of their own, deleted on {@link #close})
   */
  TimeOrderSort(int bufferEvents, Path directory, EventCodec codec) {
    if (bufferEvents < 1) {
      throw new IllegalArgumentException("the sort buffer must hold at least 1 event, was " + bufferEvents);
    }
    this.bufferEvents = bufferEvents;
    this.directory = directory;
    this.codec = codec;
  }

  void add(KeyedEvent event) {
    buffer.add(event);
    size++;
    if (buffer.size() >= bufferEvents) {
      spill();
    }
  }

  long size() {
    return size;
  }

  /** Run files written so far. */
  int runs() {
    return runs.size();
  }

  /** All events added, in time order; call once, after the last {@link #add}. */
  MergedEvents merged() {
    buffer.sort(KeyedEvent.ORDER);
    PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> KeyedEvent.ORDER.compare(a.event, b.event));
    addHead(heads, new Head(buffer.iterator()));
    for (SortRun run : runs) {
      addHead(heads, new Head(run.open()));
    }
    return new MergedEvents() {
      @Override
      public EventRecorded next() {
        Head head = heads.poll();
        if (head == null) {
          return null;
        }
        EventRecorded next = decode(head.event);
        addHead(heads, head.advance());
        return next;
      }

      @Override
      public void close() {
        TimeOrderSort.this.close();
      }
    };
  }

  private EventRecorded decode(KeyedEvent event) {
    // it decoded when it was read, so it decodes again
    return (EventRecorded) codec.decode(event.payload());
  }

  private static void addHead(PriorityQueue<Head> heads, Head head) {
    if (head.event != null) {
      heads.add(head);
    }
  }

  private void spill() {
    buffer.sort(KeyedEvent.ORDER);
    try {
      if (runDirectory == null) {
        Files.createDirectories(directory);
        runDirectory = Files.createTempDirectory(directory, RUN_PREFIX);
        // a replay killed before it is closed leaves nothing behind either (files go before their directory)
        runDirectory.toFile().deleteOnExit();
      }
      Path file = runDirectory.resolve("run-" + runs.size());
      file.toFile().deleteOnExit();
      runs.add(SortRun.write(file, buffer));
    } catch (IOException | UncheckedIOException e) {
      throw new ReplaySourceException(
          "writing a sorted run of the replay under " + directory + " failed (it needs about the journal's size"
              + " on disk; concierge.replay.journal.spill-directory moves it): " + e.getMessage(), e);
    }
    buffer.clear();
  }

  /** Deletes the run files. */
  @Override
  public void close() {
    buffer.clear();
    runs.forEach(SortRun::delete);
    runs.clear();
    if (runDirectory != null) {
      try {
        Files.deleteIfExists(runDirectory);
      } catch (IOException e) {
        throw new ReplaySourceException("deleting " + runDirectory + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** One sorted sequence being merged, and its next event. */
  private static final class Head {
    private final Iterator<KeyedEvent> events;
    private KeyedEvent event;

    Head(Iterator<KeyedEvent> events) {
      this.events = events;
      advance();
    }

    Head advance() {
      event = events.hasNext() ? events.next() : null;
      return this;
    }
  }
}
