package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequestEntity;

import dev.concierge.api.error.ApiError;
import dev.concierge.models.SafeText;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The body of a JSON endpoint: a body sent as anything but {@code application/json} is a 415 that
 * says which header to send. An empty body goes on, so that its 400 can say what the body should be.
 */
final class JsonEntity {

  private JsonEntity() {}

  static Route of(Function<byte[], Route> inner) {
    return extractRequestEntity(body -> {
      if (!body.isKnownEmpty() && !body.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
        throw new ApiError(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            "send the body as JSON, with the header 'Content-Type: application/json' (it came as '"
                + SafeText.of(body.getContentType().toString()) + "')");
      }
      return entity(Unmarshaller.entityToByteArray(), inner);
    });
  }
}
