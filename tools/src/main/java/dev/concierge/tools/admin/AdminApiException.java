package dev.concierge.tools.admin;

/** The admin API could not be reached, or answered with an error; the message says what to do. */
final class AdminApiException extends IllegalStateException {

  AdminApiException(String message) {
    super(message);
  }

  AdminApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
