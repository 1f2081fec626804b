package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.rules.RuleOverrides;
import java.util.HashSet;
import java.util.List;

/**
 * Reads {@code POST /v1/decisions} bodies:
 * {@code {"customerId":"c-42","limit":10,"context":{"itemId":"sku-7"},"candidates":[...],"exclude":[...],"rules":{...}}}.
 * Every problem becomes a 400 that names the field; the shape is {@code schemas/decision-request.schema.json}.
 */
public final class DecisionRequests {

  private final ObjectReader reader;
  private final RequestLimits limits;
  private final RuleOverridesJson rules;

  public DecisionRequests(ObjectMapper mapper, RequestLimits limits) {
    this.reader = Bodies.strictReader(mapper);
    this.limits = limits;
    this.rules = new RuleOverridesJson(limits);
  }

  /** A parsed decision request: what to rank, and how the request changes the business rules. */
  public record DecisionRequest(DecisionQuery query, RuleOverrides rules) {}

  public DecisionRequest parse(byte[] body) {
    JsonNode root = Bodies.readObject(reader, body, "a decision request object such as {\"customerId\":\"c-42\",\"limit\":10}");
    String customerId = Fields.requiredId(root.get("customerId"), "customerId");
    DecisionQuery query =
        new DecisionQuery(
            customerId, limit(root.get("limit")), contextItemId(root.get("context")),
            itemIds(root.get("candidates"), "candidates"),
            new HashSet<>(itemIds(root.get("exclude"), "exclude")));
    return new DecisionRequest(query, rules.parse(root.get("rules")));
  }

  private int limit(JsonNode limit) {
    return Fields.absent(limit) ? limits.defaultDecisionLimit() : Fields.integer(limit, "limit", 1, limits.maxDecisionLimit());
  }

  private static String contextItemId(JsonNode context) {
    if (Fields.absent(context)) {
      return null;
    }
    JsonNode itemId = Fields.object(context, "context").get("itemId");
    return Fields.absent(itemId) ? null : Fields.id(itemId, "context.itemId");
  }

  private List<String> itemIds(JsonNode array, String path) {
    return Fields.absent(array) ? List.of() : Fields.ids(array, path, limits.maxItemsPerList());
  }
}
