package dev.concierge.offline.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

  static FileProfile scan(HistoryFile file, JsonFactory json) throws IOException {
    long nonBlankLines = 0;
    Instant previous = null;
    try (LineReader lines = file.lines()) {
      while (lines.next()) {
        if (lines.isBlank()) {
          continue;
        }
        nonBlankLines++;
        Instant time = timestampOf(lines, json);
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

  /** The line's top-level timestamp (the last, if repeated, as the parser keeps), or null if none can be read. */
  private static Instant timestampOf(LineReader line, JsonFactory json) {
    if (line.tooLong()) {
      return null;
    }
    try (JsonParser parser = json.createParser(line.buffer(), line.start(), line.length())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Instant time = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isTimestamp = "timestamp".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (isTimestamp) {
          time = EventLineParser.timestampOrNull(parser, value);
        } else {
          parser.skipChildren();
        }
      }
      return time;
    } catch (IOException e) {
      // not JSON: the real pass reports it
      return null;
    }
  }
}
