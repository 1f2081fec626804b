package dev.concierge.offline.replay;

import dev.concierge.persistence.json.EventJson;
import java.io.IOException;
import java.time.Instant;

/**
 * A first pass over a history file that reads only each line's timestamp, to learn whether the file
 * is already in time order. A sorted file then replays streaming, holding only events of equal time;
 * an unsorted one has to be read whole. The pass costs about a third of the real parse, and stops at
 * the first line out of order.
 *
 * @param nonBlankLines the non-blank lines, counted to the end only for a sorted file
 * @param sorted        whether the timestamps that can be read never decrease from line to line
 */
record FileProfile(long nonBlankLines, boolean sorted) {

  boolean isEmpty() {
    return sorted && nonBlankLines == 0;
  }

  static FileProfile scan(HistoryFile file, EventJson json) throws IOException {
    long nonBlankLines = 0;
    Instant previous = null;
    try (LineReader lines = file.lines()) {
      while (lines.next()) {
        if (lines.isBlank()) {
          continue;
        }
        nonBlankLines++;
        // the same times the parse will read; a line too long or not JSON is the parse's to report
        Instant time = lines.tooLong() ? null : json.timestampOf(lines.buffer(), lines.start(), lines.length());
        if (time != null) {
          if (previous != null && time.isBefore(previous)) {
            return new FileProfile(nonBlankLines, false);
          }
          previous = time;
        }
      }
    }
    return new FileProfile(nonBlankLines, true);
  }
}
