package dev.concierge.benchmarks.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.EventRecorded;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format the serialization benchmark compares gives back what it was given, for every sample. */
class RoundTripTest {

  private static final Map<MessageKind, List<Object>> SAMPLES = new EnumMap<>(MessageKind.class);
  private static Codecs codecs;

  @BeforeAll
  static void buildSamples() {
    Config concierge = ConfigFactory.load().getConfig("concierge");
    for (MessageKind kind : MessageKind.values()) {
      SAMPLES.put(kind, SampleMessages.of(kind, concierge));
    }
    codecs = new Codecs();
  }

  @AfterAll
  static void stopActorSystem() {
    codecs.close();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everySampleOfEveryMessageRoundTrips(Format format) {
    for (MessageKind kind : MessageKind.values()) {
      byte[][] serialized = RoundTrip.verify(codecs.codec(format, kind), SAMPLES.get(kind));
      assertEquals(SampleMessages.COUNT, serialized.length);
      assertTrue(SizeSummary.of(serialized).min() > 0, format + " wrote an empty " + kind);
    }
  }

  @Test
  void samplesDiffer() {
    for (MessageKind kind : MessageKind.values()) {
      assertEquals(SampleMessages.COUNT, SAMPLES.get(kind).stream().distinct().count(), kind + " repeats a sample");
    }
  }

  @Test
  void aFormatThatLosesAFieldFailsTheCheck() {
    MessageCodec kryo = codecs.codec(Format.KRYO, MessageKind.EVENT_RECORDED);
    MessageCodec losingTheCategory = new MessageCodec() {
      @Override
      public byte[] toBinary(Object value) {
        return kryo.toBinary(value);
      }

      @Override
      public Object fromBinary(byte[] bytes) {
        return new EventRecorded(((EventRecorded) kryo.fromBinary(bytes)).event(), null);
      }
    };

    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> RoundTrip.verify(losingTheCategory, SAMPLES.get(MessageKind.EVENT_RECORDED)));

    assertTrue(failure.getMessage().startsWith("sample 0 did not round-trip"), failure.getMessage());
  }
}
