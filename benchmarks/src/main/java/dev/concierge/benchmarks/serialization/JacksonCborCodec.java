package dev.concierge.benchmarks.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jackson on CBOR, set up as for production: one shared mapper, records bound through their canonical
 * constructors, {@code java.time} as numbers (Jackson's default, exact to the nanosecond), unknown fields
 * ignored so that a newer writer does not break an older reader (as Pekko's Jackson serializer does), and
 * a reader and a writer prepared once for the type, which skips the root-type lookup on every call.
 */
final class JacksonCborCodec implements MessageCodec {

  private static final ObjectMapper MAPPER =
      CBORMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final ObjectWriter writer;
  private final ObjectReader reader;

  JacksonCborCodec(Class<?> type) {
    writer = MAPPER.writerFor(type);
    reader = MAPPER.readerFor(type);
  }

  @Override
  public byte[] toBinary(Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes) {
    try {
      return reader.readValue(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
