package dev.concierge.api.error;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;

/**
 * An error the API answers with: the status, a stable machine-readable code and a message that
 * tells the caller what to fix, and the headers that go with it (a 429's {@code Retry-After}). Thrown
 * inside routes and by the request readers ({@code api.dto}), and turned into JSON in one place ({@code
 * api.ErrorHandling}). A package of its own, which both use, so that the readers do not depend on the
 * routes that use them.
 */
public final class ApiError extends RuntimeException {

  private static final long SMALLEST_RETRY_AFTER_SECONDS = 1;

  private final StatusCode status;
  private final String code;
  private final List<HttpHeader> headers;

  public ApiError(StatusCode status, String code, String message) {
    this(status, code, message, List.of());
  }

  private ApiError(StatusCode status, String code, String message, List<HttpHeader> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = headers;
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

  /** A 429 whose {@code Retry-After} is {@code retryAfter} in whole seconds, rounded up and at least 1. */
  public static ApiError rateLimited(String message, Duration retryAfter) {
    // Retry-After has whole seconds, and 0 would invite the retry straight away
    long seconds = Math.max(SMALLEST_RETRY_AFTER_SECONDS, retryAfter.plusSeconds(1).minusNanos(1).toSeconds());
    return new ApiError(StatusCodes.TOO_MANY_REQUESTS, "rate_limited", message, List.of(RetryAfter.create(seconds)));
  }

  public StatusCode status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<HttpHeader> headers() {
    return headers;
  }
}
