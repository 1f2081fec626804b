package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.api.error.ApiError;
import dev.concierge.models.Identifiers;
import dev.concierge.models.SafeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values of a request body's fields. A field is named by its JSON path, such as
 * {@code rules.diversity.maxPerCategory} or {@code exclude[2]}, and every problem is a 400 that names
 * it. The paths of a list's elements, of which a decision may send hundreds, are built only when one
 * is refused.
 */
final class Fields {

  // a path holds client keys of up to an id's length, escaped when shown
  private static final int MAX_SHOWN_PATH = 2 * Identifiers.MAX_LENGTH;

  private Fields() {}

  /** Absent, or JSON {@code null}: an optional field that keeps its default. */
  static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }

  static ApiError invalid(String path, String problem) {
    return ApiError.badRequest("field '" + shown(path) + "' " + problem);
  }

  // the path holds the client's keys: escaped, so that they cannot forge a log line
  private static String shown(String path) {
    return SafeText.of(path, MAX_SHOWN_PATH);
  }

  /** The path of one entry of a map. */
  static String entry(String mapPath, String key) {
    return mapPath + "." + key;
  }

  static String element(String arrayPath, int index) {
    return arrayPath + "[" + index + "]";
  }

  static String requiredText(JsonNode value, String path) {
    if (absent(value)) {
      throw ApiError.badRequest("missing required field '" + path + "'");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalid(path, "must be a non-empty string");
    }
    return value.asText();
  }

  /** A required id ({@link Identifiers}). */
  static String requiredId(JsonNode value, String path) {
    return checkedId(requiredText(value, path), path);
  }

  /** An id that is present; a value that is not a string is refused as one. */
  static String id(JsonNode value, String path) {
    if (absent(value) || !value.isTextual()) {
      throw invalid(path, "must be a string (an id)");
    }
    return checkedId(value.asText(), path);
  }

  static String checkedId(String id, String path) {
    if (!isId(id)) {
      throw ApiError.badRequest(Identifiers.problem(shown(path), id).orElseThrow());
    }
    return id;
  }

  private static boolean isId(String text) {
    return Identifiers.problem("", text).isEmpty();
  }

  /** A key of a map that names an item. */
  static String idKey(String key, String mapPath) {
    return isId(key) ? key : checkedId(key, entry(mapPath, key));
  }

  /** A key of a map that names a category or a version: any text that is not blank, within an id's length. */
  static String nameKey(String key, String mapPath) {
    if (key.isBlank() || key.length() > Identifiers.MAX_LENGTH) {
      throw invalid(entry(mapPath, key), "has a key of " + key.length() + " characters; a key is 1 to "
          + Identifiers.MAX_LENGTH + " characters, not blank");
    }
    return key;
  }

  /** An integer from {@code min} to {@code max}; a number with a fraction or beyond them is refused. */
  static int integer(JsonNode value, String path, int min, int max) {
    if (absent(value) || !value.isIntegralNumber() || !value.canConvertToInt()
        || value.intValue() < min || value.intValue() > max) {
      throw invalid(path, "must be an integer from " + min + " to " + max);
    }
    return value.intValue();
  }

  /** A number above 0 and at most {@code max}. */
  static double positiveNumber(JsonNode value, String path, double max) {
    if (absent(value) || !value.isNumber() || !(value.doubleValue() > 0) || value.doubleValue() > max) {
      throw invalid(path, "must be a number above 0 and at most " + shown(max));
    }
    return value.doubleValue();
  }

  // 1000, not 1000.0
  private static String shown(double number) {
    return number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE
        ? Long.toString((long) number)
        : Double.toString(number);
  }

  static boolean bool(JsonNode value, String path) {
    if (absent(value) || !value.isBoolean()) {
      throw invalid(path, "must be true or false");
    }
    return value.booleanValue();
  }

  /** An object, whose fields the caller reads. */
  static JsonNode object(JsonNode value, String path) {
    if (absent(value) || !value.isObject()) {
      throw invalid(path, "must be a JSON object");
    }
    return value;
  }

  /** An object of at most {@code maxEntries} fields, read as a map. */
  static JsonNode map(JsonNode value, String path, int maxEntries) {
    object(value, path);
    if (value.size() > maxEntries) {
      throw invalid(path, "may hold at most " + maxEntries + " entries, not " + value.size());
    }
    return value;
  }

  /** An array of at most {@code maxItems} ids. */
  static List<String> ids(JsonNode value, String path, int maxItems) {
    if (absent(value) || !value.isArray()) {
      throw invalid(path, "must be an array of ids");
    }
    if (value.size() > maxItems) {
      throw invalid(path, "may list at most " + maxItems + " ids, not " + value.size());
    }
    List<String> ids = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      ids.add(element.isTextual() && isId(element.textValue()) ? element.textValue() : id(element, element(path, i)));
    }
    return ids;
  }
}
