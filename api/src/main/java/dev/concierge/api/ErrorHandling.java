package dev.concierge.api;

import dev.concierge.api.error.ApiError;
import dev.concierge.models.rules.InvalidRuleException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to the contract's JSON error body, in one place: {@link ApiError}s keep their
 * status, rules a request made that break the rules' invariants are a 400, an oversized body is a 413 that says what to do, Pekko's other rejections (unknown path,
 * wrong method, ...) keep their status with the text moved into JSON, and only a real server fault
 * is a 500.
 */
public final class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  private final JsonResponses responses;
  // built once: the Java DSL would otherwise build the handlers again for every request
  private final Route internalError;
  private final ExceptionHandler exceptions;
  private final RejectionHandler rejections;

  public ErrorHandling(JsonResponses responses) {
    this.responses = responses;
    this.internalError = Directives.complete(
        responses.error(StatusCodes.INTERNAL_SERVER_ERROR, "internal_error", "the server failed; it has been logged"));
    this.exceptions = exceptionHandler();
    this.rejections = rejectionHandler();
  }

  /** {@code inner} behind the error mapping; the route is built here, once. */
  public Route wrap(Route inner) {
    Route rejectionsMapped = Directives.handleRejections(rejections, () -> inner);
    return Directives.handleExceptions(exceptions, () -> rejectionsMapped);
  }

  private ExceptionHandler exceptionHandler() {
    return ExceptionHandler.newBuilder().matchAny(this::answer).build();
  }

  // a failed stage's cause is what failed, not the CompletionException a continuation wrapped it in
  private Route answer(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof ApiError error) {
      return Directives.complete(responses.error(error));
    }
    // the second line behind the request readers: rules that cannot exist are the client's mistake
    if (cause instanceof InvalidRuleException invalid) {
      return Directives.complete(
          responses.error(ApiError.badRequest("field 'rules' breaks a rule: " + invalid.getMessage())));
    }
    if (cause instanceof EntityStreamSizeException tooBig) {
      return tooLarge(tooBig);
    }
    log.error("request failed", cause);
    return internalError;
  }

  private RejectionHandler rejectionHandler() {
    return RejectionHandler.newBuilder()
        .handle(MalformedRequestContentRejection.class, this::malformedContent)
        .build()
        .withFallback(RejectionHandler.defaultHandler().mapRejectionResponse(this::asJson));
  }

  private Route malformedContent(MalformedRequestContentRejection rejection) {
    if (rejection.getCause() instanceof EntityStreamSizeException tooBig) {
      return tooLarge(tooBig);
    }
    return Directives.complete(responses.error(ApiError.badRequest("the request body could not be read: " + rejection.message())));
  }

  private Route tooLarge(EntityStreamSizeException tooBig) {
    return Directives.complete(
        responses.error(
            StatusCodes.PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "the request body is larger than " + tooBig.limit() + " bytes, this endpoint's limit; send less per request"));
  }

  private HttpResponse asJson(HttpResponse response) {
    if (response.entity().getContentType().mediaType().toString().equals("application/json")) {
      return response;
    }
    String text =
        response.entity() instanceof HttpEntity.Strict strict
            ? strict.getData().decodeString(StandardCharsets.UTF_8)
            : response.status().reason();
    String code = response.status().reason().toLowerCase(Locale.ROOT).replace(' ', '_');
    return responses.error(response.status(), code, text).withHeaders(response.getHeaders());
  }
}
