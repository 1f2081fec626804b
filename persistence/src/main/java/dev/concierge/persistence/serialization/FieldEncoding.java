package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import dev.concierge.models.EventType;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The building blocks of the persisted formats. Stored bytes depend on each of them, so they never
 * change; a new encoding gets a new method. Readers pass reads as constructor arguments, relying on
 * Java evaluating arguments left to right, in the order the writers wrote them.
 */
final class FieldEncoding {

  private static final String[] NO_KEYS = {};

  private FieldEncoding() {}

  static <T> void writeNullable(Output output, T value, BiConsumer<Output, T> writeValue) {
    output.writeBoolean(value != null);
    if (value != null) {
      writeValue.accept(output, value);
    }
  }

  static <T> T readNullable(Input input, Function<Input, T> readValue) {
    return input.readBoolean() ? readValue.apply(input) : null;
  }

  static void writeInstant(Output output, Instant instant) {
    output.writeVarLong(instant.getEpochSecond(), true);
    output.writeVarInt(instant.getNano(), true);
  }

  static Instant readInstant(Input input) {
    return Instant.ofEpochSecond(input.readVarLong(true), input.readVarInt(true));
  }

  static void writeEventType(Output output, EventType type) {
    output.writeString(type.wireName());
  }

  static EventType readEventType(Input input) {
    String wireName = input.readString();
    return EventType.fromWireName(wireName)
        .orElseThrow(() -> new KryoException(
            "unknown event type '" + wireName + "'; this build knows " + EventType.wireNames()));
  }

  static void writeStrings(Output output, List<String> strings) {
    output.writeVarInt(strings.size(), true);
    strings.forEach(output::writeString);
  }

  static List<String> readStrings(Input input) {
    String[] strings = new String[input.readVarInt(true)];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = input.readString();
    }
    return List.of(strings);
  }

  static <V> void writeSortedMap(Output output, Map<String, V> map, BiConsumer<Output, V> writeValue) {
    output.writeVarInt(map.size(), true);
    // Map.copyOf iterates in an order salted per JVM; key order keeps the bytes of equal maps equal.
    // Sorting the keys alone costs one array (none for an empty map), where a TreeMap cost a node per entry.
    String[] keys = map.keySet().toArray(NO_KEYS);
    Arrays.sort(keys);
    for (String key : keys) {
      output.writeString(key);
      writeValue.accept(output, map.get(key));
    }
  }

  static <V> Map<String, V> readMap(Input input, Function<Input, V> readValue) {
    int size = input.readVarInt(true);
    if (size == 0) {
      // most events carry no context
      return Map.of();
    }
    Map<String, V> map = new HashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(input.readString(), readValue.apply(input));
    }
    return Map.copyOf(map);
  }
}
