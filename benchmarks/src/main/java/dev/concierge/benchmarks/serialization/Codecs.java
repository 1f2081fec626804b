package dev.concierge.benchmarks.serialization;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Makes the codec of a format for a message type. Kryo runs inside a local actor system with the node's
 * configuration, started on first use and stopped by {@link #close}.
 */
public final class Codecs implements AutoCloseable {

  private static final String SYSTEM_NAME = "serialization-benchmark";

  private ActorSystem<Void> system;

  public MessageCodec codec(Format format, MessageKind kind) {
    return switch (format) {
      case KRYO -> new PekkoKryoCodec(system(), kind.type());
      case JACKSON_CBOR -> new JacksonCborCodec(kind.type());
      case JAVA_SERIALIZATION -> JavaSerializationCodec.forKind(kind);
    };
  }

  private ActorSystem<Void> system() {
    if (system == null) {
      system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME);
    }
    return system;
  }

  @Override
  public void close() {
    if (system != null) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
