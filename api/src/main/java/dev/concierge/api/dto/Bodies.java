package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.api.error.ApiError;
import java.io.IOException;

/** Shared first steps of reading a JSON request body; {@link Fields} reads its fields. */
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

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
