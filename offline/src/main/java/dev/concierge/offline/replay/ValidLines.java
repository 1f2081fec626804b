package dev.concierge.offline.replay;

import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.io.Closeable;
import java.io.IOException;

/** The valid events of a history file in line order; invalid lines are counted with their number. */
final class ValidLines implements Closeable {

  private static final String TOO_LONG =
      "line longer than " + HistoryFile.MAX_LINE_BYTES + " bytes; expected one event JSON object per line";

  private final LineReader lines;
  private final EventJson parser;
  private final ReplayCounters counters;

  ValidLines(LineReader lines, EventJson parser, ReplayCounters counters) {
    this.lines = lines;
    this.parser = parser;
    this.counters = counters;
  }

  /** The next valid event, or null at the end of the file. */
  CustomerEvent next() throws IOException {
    while (lines.next()) {
      if (lines.isBlank()) {
        continue;
      }
      counters.recordRead();
      if (lines.tooLong()) {
        counters.invalid(where(), TOO_LONG);
        continue;
      }
      ParsedEvent parsed = parser.parse(lines.buffer(), lines.start(), lines.length());
      if (parsed instanceof ParsedEvent.Valid valid) {
        counters.valid(valid.event().timestamp());
        return valid.event();
      }
      counters.invalid(where(), ((ParsedEvent.Invalid) parsed).reason());
    }
    return null;
  }

  String where() {
    return "line " + lines.number();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
