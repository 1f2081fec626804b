package dev.concierge.benchmarks.serialization;

import dev.concierge.persistence.serialization.KryoSerializer;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;

/**
 * Our Kryo serializer, looked up and called the way Pekko calls it for a journal row, a snapshot or a
 * remote message: {@code toBinary}, and {@code fromBinary} with the class, under the node's configuration
 * (its fixed registration ids and versioned formats).
 */
final class PekkoKryoCodec implements MessageCodec {

  private final Serializer serializer;
  private final Class<?> type;

  PekkoKryoCodec(ActorSystem<?> system, Class<?> type) {
    this.serializer = serializerFor(system, type);
    this.type = type;
    if (!(serializer instanceof KryoSerializer)) {
      throw new IllegalStateException(type.getName() + " is bound to " + serializer.getClass().getName()
          + ", not to the Kryo serializer; check the serialization bindings");
    }
  }

  @Override
  public byte[] toBinary(Object value) {
    return serializer.toBinary(value);
  }

  @Override
  public Object fromBinary(byte[] bytes) {
    try {
      return serializer.fromBinary(bytes, type);
    } catch (NotSerializableException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Serializer serializerFor(ActorSystem<?> system, Class<?> type) {
    try {
      return SerializationExtension.get(system).serializerFor(type);
    } catch (NotSerializableException e) {
      throw new IllegalStateException(type.getName() + " has no serializer binding", e);
    }
  }
}
