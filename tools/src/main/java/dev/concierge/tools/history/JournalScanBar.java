package dev.concierge.tools.history;

import dev.concierge.offline.replay.JournalEventSource;
import dev.concierge.tools.cli.ToolProgress;
import java.io.PrintStream;

/**
 * The progress bar of reading the journal, before its first event can be replayed: rows read, of a
 * total estimated from the token ranges read so far (rows spread evenly over the token ring).
 */
final class JournalScanBar implements JournalEventSource.Progress, AutoCloseable {

  private static final String TASK = "scan journal";
  private static final String UNIT = "rows";

  private final PrintStream err;
  private ToolProgress bar;

  JournalScanBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public void read(long rows, int partsDone, int parts) {
    if (bar == null) {
      bar = ToolProgress.unbounded(TASK, UNIT, err);
    }
    if (partsDone > 0) {
      bar.expect(Math.max(rows, rows * parts / partsDone));
    }
    bar.stepTo(rows);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
