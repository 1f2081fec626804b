package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The format of a persisted type: a version number, then the fields as that version lays them out.
 * It writes only the current version and reads every version it ever wrote, because journal rows and
 * snapshots stay in Cassandra for as long as the customer exists.
 */
abstract class VersionedFormat<T> extends Serializer<T> {

  private final Class<T> type;
  private final int currentVersion;
  private final Map<Integer, Function<Input, T>> readersByVersion;

  VersionedFormat(Class<T> type, int currentVersion, Map<Integer, Function<Input, T>> readersByVersion) {
    super(false, true);
    if (!readersByVersion.containsKey(currentVersion)) {
      throw new IllegalArgumentException(type.getSimpleName() + " cannot read its own version " + currentVersion);
    }
    this.type = type;
    this.currentVersion = currentVersion;
    this.readersByVersion = new TreeMap<>(readersByVersion);
  }

  Class<T> type() {
    return type;
  }

  int currentVersion() {
    return currentVersion;
  }

  /** Writes {@code value} as the current version lays it out. */
  abstract void writeCurrent(Output output, T value);

  @Override
  public final void write(Kryo kryo, Output output, T value) {
    output.writeVarInt(currentVersion, true);
    writeCurrent(output, value);
  }

  @Override
  public final T read(Kryo kryo, Input input, Class<? extends T> requested) {
    int version = input.readVarInt(true);
    Function<Input, T> reader = readersByVersion.get(version);
    if (reader == null) {
      throw new KryoException(type.getSimpleName() + " was written in format version " + version
          + ", but this build reads only versions " + readersByVersion.keySet()
          + "; data from a newer build needs that build");
    }
    return reader.apply(input);
  }
}
