package dev.concierge.api;

import dev.concierge.api.error.ApiError;
import dev.concierge.models.SafeText;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import java.util.Set;

/**
 * The body of a JSON endpoint: a body sent as anything but {@code application/json} is a 415 that
 * says which header to send. An empty body goes on, so that its 400 can say what the body should be.
 * A beacon's body may also come as UTF-8 {@code text/plain}, the type {@code navigator.sendBeacon} gives
 * a string, and the one a page can send to another origin without a preflight. A catalog upload may
 * come as JSON lines instead, {@code application/x-ndjson} or {@code application/jsonl}.
 */
enum JsonEntity {
  JSON("send the body as JSON, with the header 'Content-Type: application/json'"),
  JSON_OR_BEACON("send the body as JSON, with the header 'Content-Type: application/json' or, from"
      + " navigator.sendBeacon, 'text/plain;charset=UTF-8'"),
  JSON_OR_LINES("send a JSON array with the header 'Content-Type: application/json', or JSON lines with"
      + " 'Content-Type: application/x-ndjson' (or application/jsonl)");

  private static final Set<String> JSON_LINES_SUBTYPES = Set.of("x-ndjson", "jsonl");

  private final String whatToSend;

  JsonEntity(String whatToSend) {
    this.whatToSend = whatToSend;
  }

  /** The request's body, which {@link WholeBody} has read whole before routing. */
  byte[] bytes(HttpRequest request) {
    HttpEntity body = request.entity();
    if (!body.isKnownEmpty() && !accepts(body.getContentType())) {
      throw new ApiError(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
          whatToSend + " (it came as '" + SafeText.of(body.getContentType().toString()) + "')");
    }
    if (!(body instanceof HttpEntity.Strict strict)) {
      throw new IllegalStateException("a JSON endpoint's body is read whole first: route it inside WholeBody");
    }
    return strict.getData().toArray();
  }

  /** Whether the body is JSON lines, one JSON value per line. */
  static boolean isJsonLines(ContentType type) {
    return type.mediaType().mainType().equals("application") && JSON_LINES_SUBTYPES.contains(type.mediaType().subType());
  }

  private boolean accepts(ContentType type) {
    if (type.mediaType().equals(MediaTypes.APPLICATION_JSON)) {
      return true;
    }
    if (this == JSON_OR_LINES) {
      return isJsonLines(type);
    }
    // JSON is UTF-8 (RFC 8259): a text/plain body in another charset would be read wrong
    return this == JSON_OR_BEACON
        && type.mediaType().equals(MediaTypes.TEXT_PLAIN)
        && type.getCharsetOption().map(HttpCharsets.UTF_8::equals).orElse(true);
  }
}
