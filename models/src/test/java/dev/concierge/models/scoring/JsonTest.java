package dev.concierge.models.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsNestedObjectsArraysAndLiterals() {
    Object parsed = Json.parse(" {\"a\": [1, -2.5E-1, true, null], \"b\": {\"c\": \"x\\\"y\\u0041\"}, \"d\": []} ");
    assertEquals(
        Map.of(
            "a", Arrays.asList(new Json.NumberText("1"), new Json.NumberText("-2.5E-1"), true, null),
            "b", Map.of("c", "x\"yA"),
            "d", List.of()),
        parsed);
  }

  @Test
  void aFloatWrittenByXGBoostReadsBackAsTheSameFloat() {
    float threshold = 0.583893657f;
    Json.NumberText number = (Json.NumberText) Json.parse("5.8389366E-1");
    assertEquals(threshold, number.asFloat());
  }

  @Test
  void emptyObjectsAreMaps() {
    assertEquals(Map.of(), Json.parse("{}"));
    assertNull(Json.parse("null"));
  }

  @Test
  void malformedJsonIsRefusedWithItsOffset() {
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{} extra"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
  }
}
