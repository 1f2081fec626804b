package dev.concierge.tools.admin;

/** The admin API could not be reached, or answered with an error; the message says what to do. */
final class AdminApiException extends IllegalStateException {

  private final int status;

  AdminApiException(String message) {
    this(message, 0);
  }

  /** An answer with an error status (4xx, 5xx). */
  AdminApiException(String message, int status) {
    super(message);
    this.status = status;
  }

  AdminApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status the node answered with; 0 when it did not answer. */
  int status() {
    return status;
  }
}
