package dev.concierge.offline.replay;

/** A replay source cannot be read: a missing file, an unknown topic, an unreachable service. */
public class ReplaySourceException extends RuntimeException {

  public ReplaySourceException(String message) {
    super(message);
  }

  public ReplaySourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
