package dev.concierge.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventType;
import dev.concierge.models.RankedItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes the contract's response shapes. */
public final class ResponseBodies {

  private ResponseBodies() {}

  public static void decision(JsonGenerator json, DecisionOutcome outcome) throws IOException {
    json.writeStartObject();
    json.writeStringField("decisionId", outcome.decisionId());
    json.writeStringField("customerId", outcome.customerId());
    json.writeStringField("modelVersion", outcome.modelVersion());
    json.writeBooleanField("fallback", outcome.fallback());
    json.writeArrayFieldStart("items");
    for (RankedItem item : outcome.items()) {
      json.writeStartObject();
      json.writeStringField("itemId", item.itemId());
      json.writeNumberField("score", item.score());
      stringArray(json, "reasons", item.reasons());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  public static void features(JsonGenerator json, String customerId, CustomerFeatures features) throws IOException {
    json.writeStartObject();
    json.writeStringField("customerId", customerId);
    json.writeObjectFieldStart("events");
    for (EventType type : EventType.values()) {
      json.writeNumberField(type.wireName(), features.events().of(type));
    }
    json.writeEndObject();
    if (features.lastEventAt() == null) {
      json.writeNullField("lastEventAt");
    } else {
      json.writeStringField("lastEventAt", features.lastEventAt().toString());
    }
    stringArray(json, "recentItems", features.recentItems().items());
    stringArray(json, "purchasedItems", features.purchasedItems().items());
    json.writeObjectFieldStart("categoryAffinity");
    for (Map.Entry<String, Double> share : features.categoryAffinity().shares().entrySet()) {
      json.writeNumberField(share.getKey(), share.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  public static void accepted(JsonGenerator json, int count) throws IOException {
    json.writeStartObject();
    json.writeNumberField("accepted", count);
    json.writeEndObject();
  }

  private static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
