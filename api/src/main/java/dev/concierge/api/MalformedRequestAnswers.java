package dev.concierge.api;

import com.fasterxml.jackson.core.JsonFactory;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * The answer to a request too malformed to route (an illegal URI, a header over its limit): Pekko answers
 * it before any route runs, in plain text by default. This gives it the contract's {@code {"error","message"}}
 * body, with Pekko's status and its summary of the problem. Configured as
 * {@code pekko.http.server.parsing.error-handler}, which Pekko loads by name, as a Scala object: hence
 * {@code MODULE$}.
 */
public final class MalformedRequestAnswers extends ParsingErrorHandler {

  public static final MalformedRequestAnswers MODULE$ = new MalformedRequestAnswers();

  static final String CODE = "malformed_request";

  private final JsonResponses responses = new JsonResponses(new JsonFactory());

  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    log.debug("refused a malformed request: {} {}", status, info.formatPretty());
    return responses.error(status, CODE, info.summary());
  }
}
