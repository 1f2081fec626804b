package dev.concierge.api.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A valid body changed in one field: every place of the body (the body itself, each property, each
 * map entry and array element) with each of its {@link HostileValues}, a required property left out,
 * or a map key replaced by one that is not a key.
 */
public final class Mutations {

  /** What a mutation changed. */
  public enum Change { VALUE, MISSING, KEY }

  /**
   * One body changed in one place.
   *
   * @param path       the changed field's JSON path as the API names it: {@code rules.pin.sku-1},
   *                   {@code exclude[2]}, {@code [1].quantity} for an event of an array, empty for the body;
   *                   for a changed key, the map's path
   * @param unreadable the body is nested too deep to be read at all
   */
  public record Mutation(String path, Change change, String description, JsonNode body, boolean unreadable) {
    @Override
    public String toString() {
      return (path.isEmpty() ? "the body" : path) + ": " + description;
    }
  }

  /**
   * A place in a body: its path, the steps to it from the root, its value and its shape.
   *
   * @param field the path with each map key as {@code *} and each index as {@code []}: which field of the
   *     schema this is, see {@link #fields(Shape)}
   */
  public record Place(String path, String field, List<Object> steps, JsonNode value, Shape shape, boolean required) {}

  private static final String ANY_KEY = "*";
  private static final String ANY_INDEX = "[]";
  private static final List<String> HOSTILE_KEYS = List.of("", " ", "a b", "\u0000", "k".repeat(129));

  private final HostileValues hostile;

  public Mutations(HostileValues hostile) {
    this.hostile = hostile;
  }

  /** Every place of {@code body} whose shape is known; places under unknown properties take anything. */
  public static List<Place> places(JsonNode body, Shape shape) {
    List<Place> places = new ArrayList<>();
    walk(new Place("", "", List.of(), body, shape, true), places);
    return places;
  }

  private static void walk(Place place, List<Place> places) {
    places.add(place);
    JsonNode value = place.value();
    Shape shape = branchFor(place.shape(), value);
    if (value.isObject()) {
      Iterator<String> names = value.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        Optional<Shape> property = shape.property(name);
        String field = shape.properties().containsKey(name) ? name : ANY_KEY;
        property.ifPresent(child -> walk(new Place(
            child(place.path(), name), child(place.field(), field), append(place.steps(), name), value.get(name),
            child, shape.required().contains(name)), places));
      }
    } else if (value.isArray()) {
      Optional<Shape> items = shape.items();
      for (int i = 0; i < value.size() && items.isPresent(); i++) {
        walk(new Place(place.path() + "[" + i + "]", place.field() + ANY_INDEX, append(place.steps(), i), value.get(i),
            items.get(), true), places);
      }
    }
  }

  /** Every field a schema declares, named as {@link Place#field()} names them. */
  public static Set<String> fields(Shape shape) {
    Set<String> fields = new TreeSet<>();
    declare("", shape, fields);
    return fields;
  }

  private static void declare(String field, Shape shape, Set<String> fields) {
    fields.add(field);
    for (Shape branch : shape.branches()) {
      declare(field, branch, fields);
    }
    shape.properties().forEach((name, property) -> declare(child(field, name), property, fields));
    shape.additionalProperties().ifPresent(values -> declare(child(field, ANY_KEY), values, fields));
    shape.items().ifPresent(items -> declare(field + ANY_INDEX, items, fields));
  }

  private static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /**
   * The alternative of an {@code anyOf} or {@code oneOf} that takes the value's JSON type, followed into
   * alternatives of its own; of several objects, the one whose enums the value's properties match (the
   * event whose {@code type} is {@code merge} is a merge), else the first.
   */
  private static Shape branchFor(Shape shape, JsonNode value) {
    Shape firstOfType = null;
    for (Shape branch : shape.branches()) {
      if ((value.isObject() && branch.allows("object")) || (value.isArray() && branch.allows("array"))) {
        Shape resolved = branchFor(branch, value);
        if (!value.isObject() || matchesEnums(resolved, value)) {
          return resolved;
        }
        if (firstOfType == null) {
          firstOfType = resolved;
        }
      }
    }
    return firstOfType != null ? firstOfType : shape;
  }

  private static boolean matchesEnums(Shape shape, JsonNode object) {
    for (Map.Entry<String, Shape> property : shape.properties().entrySet()) {
      List<JsonNode> allowed = property.getValue().enumValues();
      JsonNode value = object.get(property.getKey());
      if (!allowed.isEmpty() && value != null && !allowed.contains(value)) {
        return false;
      }
    }
    return true;
  }

  /** Each way this place can be made hostile, applied to a copy of {@code body}. */
  public List<Mutation> at(JsonNode body, Place place) {
    List<Mutation> mutations = new ArrayList<>();
    Shape shape = branchFor(place.shape(), place.value());
    for (HostileValues.Hostile value : hostile.of(place.shape())) {
      mutations.add(new Mutation(place.path(), Change.VALUE, value.description(),
          replaced(body, place.steps(), value.value()), value.unreadable()));
    }
    if (place.required() && !place.steps().isEmpty() && place.steps().get(place.steps().size() - 1) instanceof String) {
      mutations.add(new Mutation(place.path(), Change.MISSING, "left out", removed(body, place.steps()), false));
    }
    if (place.value().isObject() && place.value().size() > 0 && shape.propertyNames().isPresent()) {
      String key = place.value().fieldNames().next();
      for (String hostileKey : HOSTILE_KEYS) {
        mutations.add(new Mutation(place.path(), Change.KEY, "the key '" + key + "' as " + describe(hostileKey),
            renamed(body, place.steps(), key, hostileKey), false));
      }
    }
    return mutations;
  }

  private static String describe(String key) {
    return key.length() > 10 ? key.length() + " characters" : "\"" + key.replace("\u0000", "\\u0000") + "\"";
  }

  private static JsonNode replaced(JsonNode body, List<Object> steps, JsonNode value) {
    if (steps.isEmpty()) {
      return value;
    }
    JsonNode copy = body.deepCopy();
    JsonNode parent = at(copy, steps.subList(0, steps.size() - 1));
    Object last = steps.get(steps.size() - 1);
    if (last instanceof String name) {
      ((ObjectNode) parent).set(name, value);
    } else {
      ((ArrayNode) parent).set((Integer) last, value);
    }
    return copy;
  }

  private static JsonNode removed(JsonNode body, List<Object> steps) {
    JsonNode copy = body.deepCopy();
    ((ObjectNode) at(copy, steps.subList(0, steps.size() - 1))).remove((String) steps.get(steps.size() - 1));
    return copy;
  }

  private static JsonNode renamed(JsonNode body, List<Object> steps, String key, String newKey) {
    JsonNode copy = body.deepCopy();
    ObjectNode map = (ObjectNode) at(copy, steps);
    map.set(newKey, map.remove(key));
    return copy;
  }

  private static JsonNode at(JsonNode root, List<Object> steps) {
    JsonNode node = root;
    for (Object step : steps) {
      node = step instanceof String name ? node.get(name) : node.get((Integer) step);
    }
    return node;
  }

  private static List<Object> append(List<Object> steps, Object step) {
    List<Object> longer = new ArrayList<>(steps);
    longer.add(step);
    return List.copyOf(longer);
  }
}
