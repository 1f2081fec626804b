package dev.concierge.benchmarks.baseline;

import dev.concierge.models.CustomerFeatures;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;

/**
 * The bytes of a customer's hash in Redis. Features are written as Concierge writes them into its
 * snapshots: the Kryo serializer the system binds to {@link CustomerFeatures}, with its versioned
 * format (a few hundred bytes, item and category names included). The dedupe window is its 64-bit
 * event-id keys, eight bytes each.
 */
final class FeatureCodec {

  private final Serializer features;

  FeatureCodec(Serializer features) {
    this.features = features;
  }

  /** The serializer {@code system} uses for {@link CustomerFeatures} (persistence's Kryo). */
  static FeatureCodec of(ActorSystem<?> system) {
    try {
      return new FeatureCodec(SerializationExtension.get(Adapter.toClassic(system)).serializerFor(CustomerFeatures.class));
    } catch (NotSerializableException e) {
      throw new IllegalStateException(
          "no serializer is bound to CustomerFeatures; persistence's reference.conf binds Kryo", e);
    }
  }

  byte[] encode(CustomerFeatures value) {
    return features.toBinary(value);
  }

  CustomerFeatures decode(byte[] bytes) {
    try {
      return (CustomerFeatures) features.fromBinary(bytes, CustomerFeatures.class);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("not the features of a customer: " + e.getMessage(), e);
    }
  }

  static byte[] encodeEventKeys(List<Long> keys) {
    ByteBuffer bytes = ByteBuffer.allocate(keys.size() * Long.BYTES);
    keys.forEach(bytes::putLong);
    return bytes.array();
  }

  static List<Long> decodeEventKeys(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    List<Long> keys = new ArrayList<>(bytes.length / Long.BYTES);
    while (buffer.remaining() >= Long.BYTES) {
      keys.add(buffer.getLong());
    }
    return keys;
  }
}
