package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.typesafe.config.ConfigFactory;
import dev.concierge.models.RankedItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nodes of builds before the hand-written serializer used Kryo's record serializer: both must agree. */
class RankedItemSerializerTest {

  private static final int BUFFER_BYTES = 256;
  private static final List<RankedItem> REPLY = List.of(
      new RankedItem("sku-3", 0.875, List.of("popular: 88% of the best seller's popularity", "trending right now")),
      new RankedItem("sku-17", 0.5, List.of("you viewed it recently")),
      new RankedItem("sku-8", 0.25, List.of("trending right now", "it is in your cart", "you have bought tents before")),
      new RankedItem("sku-40", 0.0, List.of()));

  private final ConciergeKryo recordSerializerKryo = kryo(Map.of());
  private final ConciergeKryo handWrittenKryo = kryo(Map.of(RankedItem.class, new RankedItemSerializer()));

  @Test
  void writesTheBytesOfKryosRecordSerializer() {
    assertArrayEquals(bytes(recordSerializerKryo, REPLY), bytes(handWrittenKryo, REPLY));
  }

  @Test
  void readsWhatKryosRecordSerializerWrote() {
    assertEquals(REPLY, handWrittenKryo.readClassAndObject(new Input(bytes(recordSerializerKryo, REPLY))));
  }

  private static byte[] bytes(ConciergeKryo kryo, Object value) {
    Output output = new Output(BUFFER_BYTES);
    kryo.writeClassAndObject(output, value);
    return output.toBytes();
  }

  private ConciergeKryo kryo(Map<Class<?>, Serializer<?>> handWritten) {
    ClassLoader classLoader = getClass().getClassLoader();
    return new ConciergeKryo(RegistrationTable.fromConfig(ConfigFactory.load(), classLoader), handWritten, classLoader);
  }
}
