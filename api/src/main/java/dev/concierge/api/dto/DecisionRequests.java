package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.api.ApiError;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.rules.RuleOverrides;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads {@code POST /v1/decisions} bodies:
 * {@code {"customerId":"c-42","limit":10,"context":{"itemId":"sku-7"},"candidates":[...],"exclude":[...]}}.
 * Every problem becomes a 400 that names the field.
 */
public final class DecisionRequests {

  private final ObjectReader reader;
  private final int defaultLimit;
  private final int maxLimit;
  private final int maxItemsPerList;

  public DecisionRequests(ObjectMapper mapper, int defaultLimit, int maxLimit, int maxItemsPerList) {
    this.reader = Bodies.strictReader(mapper);
    this.defaultLimit = defaultLimit;
    this.maxLimit = maxLimit;
    this.maxItemsPerList = maxItemsPerList;
  }

  /** A parsed decision request: what to rank, and how the request changes the business rules. */
  public record DecisionRequest(DecisionQuery query, RuleOverrides rules) {}

  public DecisionRequest parse(byte[] body) {
    JsonNode root = Bodies.readObject(reader, body, "a decision request object such as {\"customerId\":\"c-42\",\"limit\":10}");
    String customerId = Bodies.requiredId(root, "customerId");
    DecisionQuery query =
        new DecisionQuery(
            customerId, limit(root.get("limit")), contextItemId(root.get("context")),
            stringList(root.get("candidates"), "candidates"),
            new HashSet<>(stringList(root.get("exclude"), "exclude")));
    return new DecisionRequest(query, RuleOverridesJson.parse(root.get("rules")));
  }

  private int limit(JsonNode limit) {
    if (limit == null || limit.isNull()) {
      return defaultLimit;
    }
    if (!limit.isIntegralNumber() || !limit.canConvertToInt() || limit.asInt() < 1 || limit.asInt() > maxLimit) {
      throw ApiError.badRequest("field 'limit' must be an integer from 1 to " + maxLimit);
    }
    return limit.asInt();
  }

  private static String contextItemId(JsonNode context) {
    if (context == null || context.isNull()) {
      return null;
    }
    if (!context.isObject()) {
      throw ApiError.badRequest("field 'context' must be a JSON object such as {\"itemId\":\"sku-7\",\"page\":\"product\"}");
    }
    JsonNode itemId = context.get("itemId");
    if (itemId == null || itemId.isNull()) {
      return null;
    }
    if (!itemId.isTextual()) {
      throw ApiError.badRequest("field 'context.itemId' must be a string");
    }
    return Bodies.checkedId("context.itemId", itemId.asText());
  }

  private List<String> stringList(JsonNode array, String field) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw ApiError.badRequest("field '" + field + "' must be an array of item ids");
    }
    if (array.size() > maxItemsPerList) {
      throw ApiError.badRequest(
          "field '" + field + "' may list at most " + maxItemsPerList + " item ids, not " + array.size());
    }
    List<String> values = new ArrayList<>(array.size());
    for (JsonNode value : array) {
      if (!value.isTextual()) {
        throw ApiError.badRequest("field '" + field + "' must contain only strings (item ids)");
      }
      values.add(Bodies.checkedId(field + "[" + values.size() + "]", value.asText()));
    }
    return values;
  }
}
