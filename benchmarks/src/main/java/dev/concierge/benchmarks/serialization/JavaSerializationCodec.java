package dev.concierge.benchmarks.serialization;

import dev.concierge.benchmarks.serialization.SerializableMirrors.Recorded;
import dev.concierge.benchmarks.serialization.SerializableMirrors.Reply;
import dev.concierge.benchmarks.serialization.SerializableMirrors.Snapshot;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventRecorded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Java serialization as Pekko's {@code JavaSerializer} does it: a fresh object stream per message, over a
 * byte array. It writes the message's {@link SerializableMirrors Serializable mirror}.
 */
final class JavaSerializationCodec implements MessageCodec {

  private final Function<Object, Serializable> toMirror;
  private final Function<Object, Object> fromMirror;

  private JavaSerializationCodec(Function<Object, Serializable> toMirror, Function<Object, Object> fromMirror) {
    this.toMirror = toMirror;
    this.fromMirror = fromMirror;
  }

  static JavaSerializationCodec forKind(MessageKind kind) {
    return switch (kind) {
      case EVENT_RECORDED -> new JavaSerializationCodec(
          value -> Recorded.of((EventRecorded) value), mirror -> ((Recorded) mirror).domain());
      case CUSTOMER_SNAPSHOT -> new JavaSerializationCodec(
          value -> Snapshot.of((CustomerSnapshot) value), mirror -> ((Snapshot) mirror).domain());
      case DECISION -> new JavaSerializationCodec(
          value -> Reply.of((CustomerEntity.Decision) value), mirror -> ((Reply) mirror).domain());
    };
  }

  @Override
  public byte[] toBinary(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(toMirror.apply(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return fromMirror.apply(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the mirror classes are on the classpath that wrote them", e);
    }
  }
}
