package dev.concierge.api;

import dev.concierge.api.error.ApiError;
import dev.concierge.models.SafeText;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * The body of a JSON endpoint: a body sent as anything but {@code application/json} is a 415 that
 * says which header to send. An empty body goes on, so that its 400 can say what the body should be.
 */
final class JsonEntity {

  private JsonEntity() {}

  /** The request's body, which {@link WholeBody} has read whole before routing. */
  static byte[] bytes(HttpRequest request) {
    HttpEntity body = request.entity();
    if (!body.isKnownEmpty() && !body.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
      throw new ApiError(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
          "send the body as JSON, with the header 'Content-Type: application/json' (it came as '"
              + SafeText.of(body.getContentType().toString()) + "')");
    }
    if (!(body instanceof HttpEntity.Strict strict)) {
      throw new IllegalStateException("a JSON endpoint's body is read whole first: route it inside WholeBody");
    }
    return strict.getData().toArray();
  }
}
