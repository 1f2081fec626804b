package dev.concierge.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.engine.json.RankedItemsJson;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventType;
import java.io.IOException;
import java.time.Instant;
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
    json.writeStringField("experiment", outcome.experiment());
    json.writeStringField("arm", outcome.arm());
    json.writeBooleanField("fallback", outcome.fallback());
    RankedItemsJson.write(json, "items", outcome.items(), true);
    json.writeEndObject();
  }

  /**
   * The contract's features shape, plus what the actor holds beyond it. {@code now} dates
   * {@code secondsSinceLastEvent}.
   */
  public static void features(JsonGenerator json, String customerId, CustomerFeatures features, Instant now)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("customerId", customerId);
    json.writeObjectFieldStart("events");
    for (EventType type : EventType.interactions()) {
      json.writeNumberField(type.wireName(), features.events().of(type));
    }
    json.writeEndObject();
    nullableInstant(json, "lastEventAt", features.lastEventAt());
    if (features.lastEventAt() == null) {
      json.writeNullField("secondsSinceLastEvent");
    } else {
      json.writeNumberField("secondsSinceLastEvent", features.timeSinceLastEvent(now).toSeconds());
    }
    json.writeNumberField("totalSpend", features.totalSpend());
    json.writeNumberField("averagePricePaid", features.averagePricePaid());
    stringArray(json, "recentItems", features.recent().items());
    stringArray(json, "viewedItems", features.viewed().items());
    stringArray(json, "clickedItems", features.clicked().items());
    stringArray(json, "cartedItems", features.carted().items());
    stringArray(json, "purchasedItems", features.purchased().items());
    stringArray(json, "purchasedCategories", features.purchasedCategories());
    json.writeObjectFieldStart("categoryAffinity");
    for (Map.Entry<String, Double> share : features.categoryAffinity().shares().entrySet()) {
      json.writeNumberField(share.getKey(), share.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("session");
    nullableInstant(json, "startedAt", features.session().startedAt());
    json.writeNumberField("events", features.session().events());
    stringArray(json, "categories", features.session().categories());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void nullableInstant(JsonGenerator json, String field, Instant instant) throws IOException {
    if (instant == null) {
      json.writeNullField(field);
    } else {
      json.writeStringField(field, instant.toString());
    }
  }

  public static void accepted(JsonGenerator json, int count) throws IOException {
    json.writeStartObject();
    json.writeNumberField("accepted", count);
    json.writeEndObject();
  }

  /** A field holding an array of strings; the other bodies of this package write theirs with it too. */
  static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
