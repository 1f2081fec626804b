package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.api.error.ApiError;
import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code POST /v1/events} bodies: one event object or an array of them. All or nothing: if any
 * event breaks the contract, none is accepted and the 400 says which one and why.
 */
public final class EventRequests {

  private static final String EXPECTED =
      "an event such as {\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\","
          + "\"timestamp\":\"2026-11-26T10:00:00Z\"}, or an array of them";

  private final ObjectReader reader;
  private final EventJson events;
  private final int maxEvents;

  public EventRequests(ObjectMapper mapper, EventJson events, RequestLimits limits) {
    this.reader = Bodies.strictReader(mapper);
    this.events = events;
    this.maxEvents = limits.maxEventsPerRequest();
  }

  public List<CustomerEvent> parse(byte[] body) {
    JsonNode root = Bodies.read(reader, body, EXPECTED);
    if (root.isObject()) {
      return List.of(valid(root, ""));
    }
    if (!root.isArray()) {
      throw ApiError.badRequest("the request body must be " + EXPECTED);
    }
    if (root.isEmpty()) {
      throw ApiError.badRequest("the array holds no events; send at least one");
    }
    if (root.size() > maxEvents) {
      throw ApiError.badRequest(
          "the array holds " + root.size() + " events; send at most " + maxEvents + " per request");
    }
    List<CustomerEvent> parsed = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      parsed.add(valid(root.get(i), "event [" + i + "]: "));
    }
    return parsed;
  }

  private CustomerEvent valid(JsonNode node, String position) {
    ParsedEvent parsed = events.fromTree(node);
    if (parsed instanceof ParsedEvent.Invalid invalid) {
      throw ApiError.badRequest(position + invalid.reason());
    }
    return ((ParsedEvent.Valid) parsed).event();
  }
}
