package dev.concierge.engine.ingestion;

/**
 * The most one {@code RecordEvents} command carries to a customer's actor.
 *
 * @param events at most this many events: one atomic write, recognised whole by its offsets when asked again
 * @param bytes  at most this many bytes of events as written to the topic, so that the command fits one remoting frame
 *               when the customer lives on another node; a single larger event still goes, alone
 */
public record CommandLimits(int events, int bytes) {

  public CommandLimits {
    if (events < 1 || bytes < 1) {
      throw new IllegalArgumentException("a command holds at least one event and one byte, not " + events + " and " + bytes);
    }
  }
}
