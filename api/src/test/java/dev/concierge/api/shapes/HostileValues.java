package dev.concierge.api.shapes;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a careless or hostile client puts in a field, derived from the field's schema: null, each JSON
 * type the field does not take, numbers at its bounds, just past them and far beyond them, empty,
 * overlong and unprintable strings, unknown enum values, as many entries or elements as allowed and one
 * more, and nesting deep enough to cost a parser. Some are valid (null where a field is optional, a
 * bound itself): the schema says which, so that a reader whose limits drift from the schema's shows.
 */
public final class HostileValues {

  /**
   * One hostile value.
   *
   * @param unreadable nested deeper than a JSON parser reads, so that no schema can judge it: the answer
   *     is a 400 about the JSON, not about a field
   */
  public record Hostile(String description, JsonNode value, boolean unreadable) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int LONG_STRING = 10_000;
  private static final BigInteger HUGE_INTEGER = new BigInteger("99999999999999999999999");
  // beyond any double: a parser reads it as infinity, or fails
  private static final BigDecimal BEYOND_DOUBLE = new BigDecimal("1e400");
  private static final long BEYOND_INT = (long) Integer.MAX_VALUE + 1;
  private static final double FRACTION = 0.5;
  private static final int READABLE_DEPTH = 50;
  private static final int UNREADABLE_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH * 2;

  private final ValidValues valid;

  public HostileValues(ValidValues valid) {
    this.valid = valid;
  }

  public List<Hostile> of(Shape shape) {
    List<Hostile> hostile = new ArrayList<>();
    hostile.add(readable("null", JSON.nullNode()));
    wrongTypes(shape, hostile);
    if (shape.allows("integer")) {
      numbers(shape, hostile);
    }
    if (shape.allows("string")) {
      strings(shape, hostile);
    }
    if (shape.allows("object")) {
      objects(shape, hostile);
    }
    if (shape.allows("array")) {
      arrays(shape, hostile);
    }
    return hostile;
  }

  private static Hostile readable(String description, JsonNode value) {
    return new Hostile(description, value, false);
  }

  private static void wrongTypes(Shape shape, List<Hostile> hostile) {
    if (!shape.allows("string")) {
      hostile.add(readable("a string", JSON.textNode("7")));
    }
    if (!shape.allows("integer")) {
      hostile.add(readable("an integer", JSON.numberNode(7)));
    }
    if (shape.allows("integer") && !shape.allows("number")) {
      hostile.add(readable("a fraction", JSON.numberNode(7 + FRACTION)));
    }
    if (!shape.allows("boolean")) {
      hostile.add(readable("a boolean", JSON.booleanNode(true)));
    }
    if (!shape.allows("object")) {
      hostile.add(readable("an object", JSON.objectNode()));
    }
    if (!shape.allows("array")) {
      hostile.add(readable("an array", JSON.arrayNode()));
    }
  }

  private static void numbers(Shape shape, List<Hostile> hostile) {
    hostile.add(readable("-1", JSON.numberNode(-1)));
    hostile.add(readable("0", JSON.numberNode(0)));
    bound(shape.number("minimum"), 0, "the minimum", hostile);
    bound(shape.number("minimum"), -1, "below the minimum", hostile);
    bound(shape.number("exclusiveMinimum"), 0, "the exclusive minimum", hostile);
    bound(shape.number("maximum"), 0, "the maximum", hostile);
    bound(shape.number("maximum"), 1, "above the maximum", hostile);
    hostile.add(readable("past an int", JSON.numberNode(BEYOND_INT)));
    hostile.add(readable("a huge integer", JSON.numberNode(HUGE_INTEGER)));
    hostile.add(readable("beyond a double", JSON.numberNode(BEYOND_DOUBLE)));
    // an integer field gets huge integers above; a double this large is also an integer to JSON Schema,
    // which json-schema-validator 3.0.9 fails to judge (it converts it to a long)
    if (shape.allows("number")) {
      hostile.add(readable("the largest double", JSON.numberNode(Double.MAX_VALUE)));
      hostile.add(readable("the most negative double", JSON.numberNode(-Double.MAX_VALUE)));
    }
  }

  private static void bound(OptionalDouble bound, int step, String description, List<Hostile> hostile) {
    if (bound.isPresent()) {
      double at = bound.getAsDouble();
      // past a double's precision a step changes nothing: go beyond it by a factor instead
      double past = step == 0 ? at : at + step == at ? at * 2 : at + step;
      JsonNode value = past == Math.rint(past) && Math.abs(past) < Long.MAX_VALUE
          ? JSON.numberNode((long) past)
          : JSON.numberNode(Double.isInfinite(past) ? BEYOND_DOUBLE : BigDecimal.valueOf(past));
      hostile.add(readable(description, value));
    }
  }

  private void strings(Shape shape, List<Hostile> hostile) {
    hostile.add(readable("an empty string", JSON.textNode("")));
    hostile.add(readable("a blank string", JSON.textNode(" ")));
    OptionalInt maxLength = shape.count("maxLength");
    if (maxLength.isPresent()) {
      hostile.add(readable("as long as allowed", JSON.textNode("a".repeat(maxLength.getAsInt()))));
      hostile.add(readable("one character too long", JSON.textNode("a".repeat(maxLength.getAsInt() + 1))));
    }
    hostile.add(readable("a long string", JSON.textNode("x".repeat(LONG_STRING))));
    hostile.add(readable("a control character", JSON.textNode("a\u0000b")));
    hostile.add(readable("a line break", JSON.textNode("a\nb")));
    hostile.add(readable("non-ASCII", JSON.textNode("\u00e9t\u00e9")));
    hostile.add(readable("a lone surrogate", JSON.textNode("a\ud800")));
    if (!shape.enumValues().isEmpty()) {
      hostile.add(readable("an unknown value", JSON.textNode("not-" + shape.enumValues().get(0).asText())));
    }
    if (shape.text("format").isPresent()) {
      hostile.add(readable("not a " + shape.text("format").get(), JSON.textNode("not-a-" + shape.text("format").get())));
    }
    if (shape.text("pattern").isPresent() && !shape.examples().isEmpty()) {
      hostile.add(readable("an example with a space", JSON.textNode(shape.examples().get(0).asText() + " x")));
    }
  }

  private void objects(Shape shape, List<Hostile> hostile) {
    hostile.add(readable("nested " + READABLE_DEPTH + " deep", nestedObjects(READABLE_DEPTH)));
    hostile.add(new Hostile("nested " + UNREADABLE_DEPTH + " deep", nestedObjects(UNREADABLE_DEPTH), true));
    OptionalInt maxProperties = shape.count("maxProperties");
    if (maxProperties.isPresent() && shape.additionalProperties().isPresent()) {
      hostile.add(readable("as many entries as allowed", entries(shape, maxProperties.getAsInt())));
      hostile.add(readable("one entry too many", entries(shape, maxProperties.getAsInt() + 1)));
    }
  }

  private void arrays(Shape shape, List<Hostile> hostile) {
    hostile.add(readable("nested " + READABLE_DEPTH + " deep", nestedArrays(READABLE_DEPTH)));
    hostile.add(new Hostile("nested " + UNREADABLE_DEPTH + " deep", nestedArrays(UNREADABLE_DEPTH), true));
    hostile.add(readable("an array of null", JSON.arrayNode().add(JSON.nullNode())));
    OptionalInt maxItems = shape.count("maxItems");
    if (maxItems.isPresent() && shape.items().isPresent()) {
      hostile.add(readable("as many elements as allowed", elements(shape, maxItems.getAsInt())));
      hostile.add(readable("one element too many", elements(shape, maxItems.getAsInt() + 1)));
    }
  }

  private ObjectNode entries(Shape map, int count) {
    String key = map.propertyNames().map(Shape::examples).filter(keys -> !keys.isEmpty())
        .map(keys -> keys.get(0).asText()).orElse("key");
    JsonNode value = valid.of(map.additionalProperties().orElseThrow());
    ObjectNode entries = JSON.objectNode();
    for (int i = 0; i < count; i++) {
      entries.set(key + "-" + i, value);
    }
    return entries;
  }

  private ArrayNode elements(Shape array, int count) {
    JsonNode element = valid.of(array.items().orElseThrow());
    ArrayNode elements = JSON.arrayNode();
    for (int i = 0; i < count; i++) {
      elements.add(element);
    }
    return elements;
  }

  private static JsonNode nestedObjects(int depth) {
    JsonNode nested = JSON.objectNode();
    for (int i = 1; i < depth; i++) {
      nested = JSON.objectNode().set("a", nested);
    }
    return nested;
  }

  private static JsonNode nestedArrays(int depth) {
    JsonNode nested = JSON.arrayNode();
    for (int i = 1; i < depth; i++) {
      nested = JSON.arrayNode().add(nested);
    }
    return nested;
  }
}
