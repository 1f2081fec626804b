package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import java.io.NotSerializableException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import scala.util.Try;

/**
 * Journal payloads through the actor system's serializers, as the journal plugin reads them: the
 * persistence module's Kryo serializer for {@link EventRecorded}, whatever the row's serializer id
 * names otherwise. The sort's run files keep events in the same bytes.
 */
final class EventCodec {

  /** A stored payload: the serializer's id, its manifest and the bytes. */
  record Payload(int serializerId, String manifest, byte[] bytes) {}

  private final Serialization serialization;
  private final Serializer eventSerializer;

  EventCodec(ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(system.classicSystem());
    try {
      this.eventSerializer = serialization.serializerFor(EventRecorded.class);
    } catch (NotSerializableException e) {
      throw new IllegalStateException("no serializer is bound to EventRecorded: persistence's reference.conf binds it", e);
    }
  }

  /** @throws IllegalArgumentException naming why the payload cannot be read */
  Object decode(Payload payload) {
    Try<Object> decoded = serialization.deserialize(payload.bytes(), payload.serializerId(), payload.manifest());
    if (decoded.isFailure()) {
      Throwable failure = decoded.failed().get();
      throw new IllegalArgumentException("cannot be deserialized (serializer " + payload.serializerId()
          + ", manifest '" + payload.manifest() + "'): " + failure.getMessage(), failure);
    }
    return decoded.get();
  }

  Payload encode(EventRecorded recorded) {
    return new Payload(
        eventSerializer.identifier(), Serializers.manifestFor(eventSerializer, recorded), eventSerializer.toBinary(recorded));
  }
}
