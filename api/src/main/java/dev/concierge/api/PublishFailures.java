package dev.concierge.api;

import dev.concierge.api.error.ApiError;
import dev.concierge.engine.ingestion.RecordRefusedException;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * What a request whose records did not reach Kafka answers: a record Kafka can never take is the
 * client's to fix (413 for its size, 400 otherwise, naming it); any other failure is Kafka's, a 503 to retry.
 */
final class PublishFailures {

  private PublishFailures() {}

  /**
   * @param what        names the record's key for the client: {@code "item"}, {@code "customer"}
   * @param unavailable the 503's message
   */
  static ApiError answer(Throwable failure, String what, String unavailable) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RecordRefusedException refused) {
      String message = what + " '" + refused.key() + "': " + refused.getMessage() + "; nothing of the request is stored";
      return refused.tooLarge()
          ? new ApiError(StatusCodes.PAYLOAD_TOO_LARGE, "payload_too_large", message)
          : ApiError.badRequest(message);
    }
    return ApiError.unavailable(unavailable);
  }
}
