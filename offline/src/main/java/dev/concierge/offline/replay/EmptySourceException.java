package dev.concierge.offline.replay;

/**
 * A replay source that has no valid event in the requested range: an empty file, a topic or journal
 * without events then, or only invalid records. The message says which, with the counts.
 */
public final class EmptySourceException extends ReplaySourceException {

  private final transient ReplayReport report;

  public EmptySourceException(String message, ReplayReport report) {
    super(message);
    this.report = report;
  }

  /** What was read before the source turned out empty. */
  public ReplayReport report() {
    return report;
  }
}
