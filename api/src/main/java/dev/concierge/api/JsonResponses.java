package dev.concierge.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.api.error.ApiError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.util.ByteString;

/**
 * Builds JSON responses by streaming straight into bytes: no intermediate tree on the hot path, and the
 * bytes written are the entity's, not copied again.
 */
public final class JsonResponses {

  private static final int INITIAL_BUFFER_BYTES = 512;

  /** Writes one JSON document. */
  @FunctionalInterface
  public interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
  }

  private final JsonFactory factory;

  public JsonResponses(JsonFactory factory) {
    this.factory = factory;
  }

  public HttpResponse respond(StatusCode status, JsonWriter writer) {
    return HttpResponse.create()
        .withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, bytes(writer)));
  }

  public HttpResponse error(StatusCode status, String code, String message) {
    return respond(
        status,
        json -> {
          json.writeStartObject();
          json.writeStringField("error", code);
          json.writeStringField("message", message);
          json.writeEndObject();
        });
  }

  public HttpResponse error(ApiError error) {
    return error(error.status(), error.code(), error.getMessage()).addHeaders(error.headers());
  }

  private ByteString bytes(JsonWriter writer) {
    Rendered out = new Rendered();
    try (JsonGenerator json = factory.createGenerator(out)) {
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.bytes();
  }

  /** The rendered bytes, handed to the entity as they are: nobody writes to the buffer afterwards. */
  private static final class Rendered extends ByteArrayOutputStream {

    Rendered() {
      super(INITIAL_BUFFER_BYTES);
    }

    ByteString bytes() {
      return ByteString.fromArrayUnsafe(buf, 0, count);
    }
  }
}
