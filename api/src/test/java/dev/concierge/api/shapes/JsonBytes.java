package dev.concierge.api.shapes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;

/**
 * A generated body as the bytes a client sends. Non-ASCII is escaped, so that a lone surrogate is
 * still JSON text, and any depth is written: the reader, not the writer, is under test.
 */
public final class JsonBytes {

  private static final ObjectMapper WRITER = new ObjectMapper(
      JsonFactory.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
          .build());

  private JsonBytes() {}

  public static byte[] of(JsonNode body) {
    try {
      return WRITER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a tree always writes", e);
    }
  }
}
