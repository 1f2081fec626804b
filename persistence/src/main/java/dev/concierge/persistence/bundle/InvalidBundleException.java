package dev.concierge.persistence.bundle;

/** Bytes that are not a model bundle this build can read; the message says why. */
public final class InvalidBundleException extends RuntimeException {

  public InvalidBundleException(String message) {
    super(message);
  }
}
