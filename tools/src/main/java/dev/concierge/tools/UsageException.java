package dev.concierge.tools;

/** A command line that cannot work; the message says what to fix. The tool exits 2 with its usage. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
