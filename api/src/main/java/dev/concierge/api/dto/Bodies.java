package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.api.ApiError;
import dev.concierge.models.Identifiers;
import java.io.IOException;

/** Shared first steps of reading a JSON request body. */
final class Bodies {

  private Bodies() {}

  /** A reader that refuses content after the first JSON value, which would otherwise be dropped silently. */
  static ObjectReader strictReader(ObjectMapper mapper) {
    return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  static JsonNode read(ObjectReader reader, byte[] body, String expected) {
    if (body.length == 0) {
      throw ApiError.invalidJson("the request body is empty; send " + expected);
    }
    try {
      JsonNode root = reader.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw ApiError.invalidJson("the request body is empty; send " + expected);
      }
      return root;
    } catch (IOException e) {
      throw ApiError.invalidJson("the request body is not valid JSON (" + firstLine(e.getMessage()) + "); send " + expected);
    }
  }

  static JsonNode readObject(ObjectReader reader, byte[] body, String expected) {
    JsonNode root = read(reader, body, expected);
    if (!root.isObject()) {
      throw ApiError.badRequest("the request body must be " + expected);
    }
    return root;
  }

  static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest("missing required field '" + field + "'");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiError.badRequest("field '" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  /** A required field that holds an id ({@link Identifiers}). */
  static String requiredId(JsonNode node, String field) {
    return checkedId(field, requiredText(node, field));
  }

  static String checkedId(String field, String id) {
    Identifiers.problem(field, id).ifPresent(problem -> {
      throw ApiError.badRequest(problem);
    });
    return id;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
