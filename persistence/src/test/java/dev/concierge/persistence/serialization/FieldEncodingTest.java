package dev.concierge.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldEncodingTest {

  private static final int BUFFER_BYTES = 64;

  @Test
  void equalMapsWriteEqualBytesWhateverOrderTheyIterateIn() {
    Map<String, String> oneWay = new LinkedHashMap<>();
    Map<String, String> otherWay = new LinkedHashMap<>();
    List.of("c", "a", "b").forEach(key -> oneWay.put(key, key.toUpperCase()));
    List.of("b", "c", "a").forEach(key -> otherWay.put(key, key.toUpperCase()));

    assertArrayEquals(sortedMapBytes(oneWay), sortedMapBytes(otherWay));
  }

  @Test
  void mapsReadBackEqualEmptyOrNot() {
    Map<String, String> context = Map.of("device", "mobile", "campaign", "spring", "referrer", "newsletter");

    assertEquals(context, readMap(sortedMapBytes(context)));
    assertEquals(Map.of(), readMap(sortedMapBytes(Map.of())));
  }

  @Test
  void absentValueReadsBackAsNull() {
    Output output = new Output(BUFFER_BYTES);
    FieldEncoding.writeNullable(output, null, Output::writeString);
    FieldEncoding.writeNullable(output, "present", Output::writeString);

    Input input = new Input(output.toBytes());

    assertNull(FieldEncoding.readNullable(input, Input::readString));
    assertEquals("present", FieldEncoding.readNullable(input, Input::readString));
  }

  private static Map<String, String> readMap(byte[] bytes) {
    return FieldEncoding.readMap(new Input(bytes), Input::readString);
  }

  private static byte[] sortedMapBytes(Map<String, String> map) {
    Output output = new Output(BUFFER_BYTES);
    FieldEncoding.writeSortedMap(output, map, Output::writeString);
    return output.toBytes();
  }
}
