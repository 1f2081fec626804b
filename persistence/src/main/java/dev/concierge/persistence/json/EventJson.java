package dev.concierge.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.EventType;
import dev.concierge.models.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code customer-events} JSON contract: reading with validation that names the field to fix,
 * and writing the canonical form. Context values that are not strings are kept as their JSON text.
 *
 * <p>Both edges of a node, {@code POST /v1/events} ({@link #fromTree}) and the topic ({@link #parse}),
 * read through here, so they refuse the same events: an event larger than {@link #MAX_EVENT_BYTES},
 * and, on a live node, a timestamp beyond its {@link EventHorizon}. Offline readers (replay, tools)
 * have no horizon and take any time an {@link Instant} holds.
 */
public final class EventJson {

  /** The largest event record read: real events are a few hundred bytes, and anything far larger is not one. */
  public static final int MAX_EVENT_BYTES = 64 * 1024;

  private static final int JSON_ERROR_CHARACTERS = 200;
  private static final int WRITE_BUFFER_BYTES = 256;

  private final ObjectMapper mapper;
  private final ObjectReader reader;
  private final EventHorizon horizon;

  /** For offline readers: every representable time is taken. */
  public EventJson(ObjectMapper mapper) {
    this(mapper, EventHorizon.NONE);
  }

  /** For a live node: a timestamp beyond {@code horizon} is refused. */
  public EventJson(ObjectMapper mapper, EventHorizon horizon) {
    this.mapper = mapper;
    this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.horizon = horizon;
  }

  /** One record of the topic; its size is the record's. */
  public ParsedEvent parse(byte[] json) {
    if (json == null || json.length == 0) {
      return new ParsedEvent.Invalid("the record has no value; expected an event JSON object");
    }
    if (json.length > MAX_EVENT_BYTES) {
      return new ParsedEvent.Invalid(tooLarge("the record", json.length));
    }
    JsonNode node;
    try {
      node = reader.readTree(json);
    } catch (IOException e) {
      // Jackson's message quotes the offending input
      return new ParsedEvent.Invalid("not valid JSON: " + SafeText.of(firstLine(e.getMessage()), JSON_ERROR_CHARACTERS));
    }
    return read(node);
  }

  /**
   * One event of a larger document, such as a request body. Its size is that of the record it will
   * be on the topic, {@link #write}'s form, so that whatever is accepted here ingestion takes too.
   */
  public ParsedEvent fromTree(JsonNode node) {
    ParsedEvent parsed = read(node);
    if (parsed instanceof ParsedEvent.Valid valid) {
      long bytes = writtenSize(valid.event());
      if (bytes > MAX_EVENT_BYTES) {
        return new ParsedEvent.Invalid(tooLarge("the event as written to the topic", bytes));
      }
    }
    return parsed;
  }

  private ParsedEvent read(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new ParsedEvent.Invalid("expected an event JSON object");
    }
    try {
      String eventId = requiredId(node, "eventId");
      String customerId = requiredId(node, "customerId");
      String typeName = requiredText(node, "type");
      EventType type =
          EventType.fromWireName(typeName)
              .orElseThrow(() -> new InvalidEventField(
                  "field 'type' must be one of " + EventType.wireNames() + ", was '" + SafeText.of(typeName) + "'"));
      String itemId = requiredId(node, "itemId");
      Instant timestamp = notBeyondHorizon(timestamp(requiredText(node, "timestamp")));
      Double price = optionalPrice(node);
      int quantity = optionalQuantity(node);
      String sessionId =
          optionalText(node, "sessionId").map(id -> InvalidEventField.checkedId("sessionId", id)).orElse(null);
      Map<String, String> context = context(node);
      return new ParsedEvent.Valid(
          new CustomerEvent(eventId, customerId, type, itemId, timestamp, price, quantity, sessionId, context));
    } catch (InvalidEventField e) {
      return new ParsedEvent.Invalid(e.getMessage());
    }
  }

  public byte[] write(CustomerEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(WRITE_BUFFER_BYTES);
    write(event, out);
    return out.toByteArray();
  }

  // counted, not kept: the size is all fromTree needs
  private long writtenSize(CustomerEvent event) {
    ByteCount count = new ByteCount();
    write(event, count);
    return count.bytes;
  }

  private void write(CustomerEvent event, OutputStream out) {
    try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("eventId", event.eventId());
      json.writeStringField("customerId", event.customerId());
      json.writeStringField("type", event.type().wireName());
      json.writeStringField("itemId", event.itemId());
      json.writeStringField("timestamp", event.timestamp().toString());
      if (event.price() != null) {
        json.writeNumberField("price", event.price());
      }
      json.writeNumberField("quantity", event.quantity());
      if (event.sessionId() != null) {
        json.writeStringField("sessionId", event.sessionId());
      }
      if (!event.context().isEmpty()) {
        json.writeObjectFieldStart("context");
        for (Map.Entry<String, String> entry : event.context().entrySet()) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  private static String tooLarge(String what, long bytes) {
    return what + " is " + bytes + " bytes; an event is at most " + MAX_EVENT_BYTES + " bytes";
  }

  private Instant notBeyondHorizon(Instant timestamp) {
    if (horizon.isBeyond(timestamp)) {
      throw new InvalidEventField("field 'timestamp' must not be later than "
          + Instant.ofEpochMilli(horizon.latestMillis()) + " (this node's clock plus the future skew it allows), was "
          + timestamp + "; send events as they happen");
    }
    return timestamp;
  }

  private static String requiredId(JsonNode node, String field) {
    return InvalidEventField.checkedId(field, requiredText(node, field));
  }


  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidEventField("missing required field '" + field + "'");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidEventField("field '" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidEventField("field '" + field + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  private static Instant timestamp(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidEventField(
          "field 'timestamp' must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, was '" + SafeText.of(text) + "'");
    }
  }

  private static Double optionalPrice(JsonNode node) {
    JsonNode value = node.get("price");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
      throw new InvalidEventField("field 'price' must be a number >= 0");
    }
    return value.asDouble();
  }

  private static int optionalQuantity(JsonNode node) {
    JsonNode value = node.get("quantity");
    if (value == null || value.isNull()) {
      return 1;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
      throw new InvalidEventField("field 'quantity' must be an integer >= 1");
    }
    return value.asInt();
  }

  private Map<String, String> context(JsonNode node) {
    JsonNode value = node.get("context");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new InvalidEventField("field 'context' must be a JSON object");
    }
    Map<String, String> context = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode fieldValue = field.getValue();
      if (!fieldValue.isNull()) {
        context.put(field.getKey(), fieldValue.isTextual() ? fieldValue.asText() : jsonText(fieldValue));
      }
    }
    return context;
  }

  private String jsonText(JsonNode value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a parsed tree always writes back", e);
    }
  }

  /** Counts what is written to it and keeps nothing. */
  private static final class ByteCount extends OutputStream {
    private long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
