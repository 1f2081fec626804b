package dev.concierge.api.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random values that a schema allows, made from its enums and examples: every leaf of a request schema
 * gives examples, so that generated requests look like real ones (and touch few customers). Optional
 * properties are left out now and then; null, which optional fields allow, is for {@link HostileValues}.
 */
public final class ValidValues {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final double OPTIONAL_PROPERTY_SHARE = 0.8;
  private static final int MAX_ENTRIES = 3;

  private final Random random;

  public ValidValues(Random random) {
    this.random = random;
  }

  public JsonNode of(Shape shape) {
    List<Shape> branches = new ArrayList<>();
    for (Shape branch : shape.branches()) {
      if (!branch.types().equals(Set.of("null"))) {
        branches.add(branch);
      }
    }
    if (!branches.isEmpty()) {
      return of(branches.get(random.nextInt(branches.size())));
    }
    List<JsonNode> choices = new ArrayList<>(shape.enumValues().isEmpty() ? shape.examples() : shape.enumValues());
    choices.removeIf(JsonNode::isNull);
    if (!choices.isEmpty()) {
      return choices.get(random.nextInt(choices.size())).deepCopy();
    }
    if (shape.allows("object")) {
      return object(shape);
    }
    if (shape.allows("array")) {
      return array(shape);
    }
    if (shape.allows("boolean")) {
      return BooleanNode.valueOf(random.nextBoolean());
    }
    throw new IllegalStateException("the schema gives no example of this value: " + shape);
  }

  private ObjectNode object(Shape shape) {
    ObjectNode object = JSON.objectNode();
    Set<String> required = shape.required();
    shape.properties().forEach((name, property) -> {
      if (required.contains(name) || random.nextDouble() < OPTIONAL_PROPERTY_SHARE) {
        object.set(name, of(property));
      }
    });
    shape.additionalProperties().ifPresent(values -> {
      List<JsonNode> keys = shape.propertyNames().map(Shape::examples).orElse(List.of());
      int entries = Math.min(keys.size(), 1 + random.nextInt(MAX_ENTRIES));
      for (int i = 0; i < entries; i++) {
        object.set(keys.get(random.nextInt(keys.size())).asText(), of(values));
      }
    });
    return object;
  }

  private ArrayNode array(Shape shape) {
    ArrayNode array = JSON.arrayNode();
    Shape items = shape.items().orElseThrow(() -> new IllegalStateException("an array without items: " + shape));
    int least = Math.max(1, shape.count("minItems").orElse(0));
    int most = Math.min(least + MAX_ENTRIES - 1, shape.count("maxItems").orElse(Integer.MAX_VALUE));
    for (int i = least + random.nextInt(most - least + 1); i > 0; i--) {
      array.add(of(items));
    }
    return array;
  }
}
