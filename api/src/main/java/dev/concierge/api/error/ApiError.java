package dev.concierge.api.error;

import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * An error the API answers with: the status, a stable machine-readable code and a message that
 * tells the caller what to fix. Thrown inside routes and by the request readers ({@code api.dto}),
 * and turned into JSON in one place ({@code api.ErrorHandling}). A package of its own, which both
 * use, so that the readers do not depend on the routes that use them.
 */
public final class ApiError extends RuntimeException {

  private final StatusCode status;
  private final String code;

  public ApiError(StatusCode status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(StatusCodes.BAD_REQUEST, "invalid_request", message);
  }

  public static ApiError invalidJson(String message) {
    return new ApiError(StatusCodes.BAD_REQUEST, "invalid_json", message);
  }

  public static ApiError unavailable(String message) {
    return new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "unavailable", message);
  }

  public StatusCode status() {
    return status;
  }

  public String code() {
    return code;
  }
}
