package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import dev.concierge.models.EventType;
import dev.concierge.models.RankedItem;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.JSerializer;

/**
 * Pekko's serializer for Concierge messages, journal events and snapshots: Kryo with a fixed id per
 * class from {@code concierge.kryo.registrations}, and a versioned hand-written format for every
 * persisted type. The bytes start with the class id, so no manifest is needed.
 */
public final class KryoSerializer extends JSerializer {

  /** Stored with every journal row and snapshot to pick the serializer: never change it. */
  private static final int IDENTIFIER = 4711;

  private static final boolean THREAD_SAFE = true;
  private static final boolean SOFT_REFERENCES = false;

  private final Pool<KryoWorkspace> workspaces;

  public KryoSerializer(ExtendedActorSystem system) {
    ClassLoader classLoader = system.dynamicAccess().classLoader();
    KryoSettings settings = KryoSettings.fromConfig(system.settings().config(), classLoader);
    Map<Class<?>, Serializer<?>> handWritten = handWrittenSerializers(system);
    settings.registrations().requireIdsFor(handWritten.keySet());
    workspaces = pool(settings.poolCapacity(), () -> new KryoWorkspace(
        new ConciergeKryo(settings.registrations(), handWritten, classLoader),
        new Output(settings.initialBufferBytes(), settings.maxBufferBytes())));
    // build one Kryo now, so that a bad registration stops the node at start-up, not at its first message
    workspaces.free(workspaces.obtain());
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object message) {
    KryoWorkspace workspace = workspaces.obtain();
    try {
      return workspace.write(message);
    } finally {
      workspaces.free(workspace);
    }
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    KryoWorkspace workspace = workspaces.obtain();
    try {
      return workspace.read(bytes);
    } finally {
      workspaces.free(workspace);
    }
  }

  // stateless, so every pooled Kryo shares them
  private static Map<Class<?>, Serializer<?>> handWrittenSerializers(ExtendedActorSystem system) {
    Map<Class<?>, Serializer<?>> serializers = new HashMap<>();
    PersistedFormats.ALL.forEach(format -> serializers.put(format.type(), format));
    serializers.put(EventType.class, new EventTypeSerializer());
    serializers.put(RankedItem.class, new RankedItemSerializer());
    serializers.put(ActorRef.class, new ActorRefSerializer(system));
    return Map.copyOf(serializers);
  }

  private static <T> Pool<T> pool(int capacity, Supplier<T> factory) {
    return new Pool<>(THREAD_SAFE, SOFT_REFERENCES, capacity) {
      @Override
      protected T create() {
        return factory.get();
      }
    };
  }
}
