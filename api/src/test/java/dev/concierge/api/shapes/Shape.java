package dev.concierge.api.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One node of a request schema with its {@code $ref}s followed: the keywords beside a {@code $ref}
 * (a field's own examples, say) come first, and the referenced schema fills in the rest. Nested
 * {@code $ref}s resolve against the document the last reference led to, so keywords beside a
 * {@code $ref} hold no references of their own.
 */
public final class Shape {

  private static final String NULL = "null";

  private final RequestShapes shapes;
  private final String document;
  private final ObjectNode schema;

  private Shape(RequestShapes shapes, String document, ObjectNode schema) {
    this.shapes = shapes;
    this.document = document;
    this.schema = schema;
  }

  static Shape of(RequestShapes shapes, String document, JsonNode node) {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    String current = document;
    JsonNode at = node;
    while (true) {
      at.fields().forEachRemaining(keyword -> {
        if (!keyword.getKey().equals("$ref") && !merged.has(keyword.getKey())) {
          merged.set(keyword.getKey(), keyword.getValue());
        }
      });
      JsonNode ref = at.get("$ref");
      if (ref == null) {
        return new Shape(shapes, current, merged);
      }
      String[] target = ref.asText().split("#", 2);
      if (!target[0].isEmpty()) {
        current = target[0];
      }
      at = shapes.document(current).at(target.length > 1 ? target[1] : "");
      if (at.isMissingNode()) {
        throw new IllegalStateException("$ref " + ref.asText() + " in " + document + " leads nowhere");
      }
    }
  }

  private Shape child(JsonNode node) {
    return of(shapes, document, node);
  }

  private Optional<Shape> keyword(String name) {
    JsonNode value = schema.get(name);
    return value != null && value.isObject() ? Optional.of(child(value)) : Optional.empty();
  }

  /** The alternatives of {@code anyOf} or {@code oneOf}; empty when there are none. */
  public List<Shape> branches() {
    List<Shape> branches = new ArrayList<>();
    for (String keyword : List.of("anyOf", "oneOf")) {
      JsonNode alternatives = schema.get(keyword);
      if (alternatives != null) {
        alternatives.forEach(branch -> branches.add(child(branch)));
      }
    }
    return branches;
  }

  /** The JSON types this node or any of its branches allows; an enum allows the types of its values. */
  public Set<String> types() {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null) {
      type.forEach(each -> types.add(each.asText()));
    }
    for (JsonNode value : enumValues()) {
      types.add(value.isNull() ? NULL : value.isTextual() ? "string" : value.getNodeType().name().toLowerCase());
    }
    for (Shape branch : branches()) {
      types.addAll(branch.types());
    }
    return types;
  }

  /** Whether a value of {@code type} may stand here; an integer is a number too. */
  public boolean allows(String type) {
    Set<String> types = types();
    return types.contains(type) || (type.equals("integer") && types.contains("number"));
  }

  public List<JsonNode> enumValues() {
    return list(schema.get("enum"));
  }

  public List<JsonNode> examples() {
    return list(schema.get("examples"));
  }

  /** The named properties, in the schema's order. */
  public Map<String, Shape> properties() {
    Map<String, Shape> properties = new LinkedHashMap<>();
    JsonNode declared = schema.get("properties");
    if (declared != null) {
      declared.fields().forEachRemaining(property -> properties.put(property.getKey(), child(property.getValue())));
    }
    return properties;
  }

  public Set<String> required() {
    Set<String> required = new LinkedHashSet<>();
    list(schema.get("required")).forEach(name -> required.add(name.asText()));
    return required;
  }

  /** What a property not named in {@link #properties()} holds, when this object is a map. */
  public Optional<Shape> additionalProperties() {
    return keyword("additionalProperties");
  }

  /** What the keys of this map must be. */
  public Optional<Shape> propertyNames() {
    return keyword("propertyNames");
  }

  /** The shape of the property {@code name}: declared, or an entry of a map; empty when anything goes. */
  public Optional<Shape> property(String name) {
    Shape declared = properties().get(name);
    return declared != null ? Optional.of(declared) : additionalProperties();
  }

  public Optional<Shape> items() {
    return keyword("items");
  }

  public OptionalDouble number(String keyword) {
    JsonNode value = schema.get(keyword);
    return value != null && value.isNumber() ? OptionalDouble.of(value.doubleValue()) : OptionalDouble.empty();
  }

  public OptionalInt count(String keyword) {
    JsonNode value = schema.get(keyword);
    return value != null && value.canConvertToInt() ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
  }

  public Optional<String> text(String keyword) {
    JsonNode value = schema.get(keyword);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    if (array != null) {
      array.forEach(values::add);
    }
    return values;
  }

  @Override
  public String toString() {
    return document + " " + schema;
  }
}
