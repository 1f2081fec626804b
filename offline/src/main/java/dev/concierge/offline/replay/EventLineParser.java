package dev.concierge.offline.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.SafeText;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.InvalidEventField;
import dev.concierge.persistence.json.ParsedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * One JSON line of an exported history, read with Jackson's streaming parser (about twice as fast as
 * a tree per line). It applies the {@code customer-events} contract exactly as {@link EventJson}
 * does, with the same messages, checked in the same order, except for the timestamp, where it also
 * accepts the forms of {@link Timestamps} and epoch milliseconds as a JSON integer: exports of
 * other systems rarely write the contract's UTC form. Unknown fields are ignored.
 */
final class EventLineParser {

  static final String TIMESTAMP_FORMS = Timestamps.ACCEPTED + ", or epoch milliseconds as a JSON integer";

  /** A value present but of the wrong JSON type; checked in contract order after the whole line is read. */
  private static final Object WRONG_TYPE = new Object();

  private final ObjectMapper mapper;
  private final JsonFactory factory;

  EventLineParser(ObjectMapper mapper) {
    this.mapper = mapper;
    this.factory = mapper.getFactory();
  }

  ParsedEvent parse(byte[] buffer, int offset, int length) {
    try (JsonParser json = factory.createParser(buffer, offset, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return new ParsedEvent.Invalid("expected an event JSON object");
      }
      Fields fields = new Fields();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        switch (name) {
          case "eventId" -> fields.eventId = text(json, value);
          case "customerId" -> fields.customerId = text(json, value);
          case "type" -> fields.type = text(json, value);
          case "itemId" -> fields.itemId = text(json, value);
          case "timestamp" -> fields.timestamp = timestampValue(json, value);
          case "price" -> fields.price = price(json, value);
          case "quantity" -> fields.quantity = quantity(json, value);
          case "sessionId" -> fields.sessionId = text(json, value);
          case "context" -> fields.context = context(json, value);
          default -> json.skipChildren();
        }
      }
      if (json.nextToken() != null) {
        return new ParsedEvent.Invalid("not valid JSON: more content after the event object");
      }
      return fields.toEvent();
    } catch (JsonProcessingException e) {
      return new ParsedEvent.Invalid("not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /**
   * The event time of the current value, or null if it is not one; for the sortedness scan, which
   * must see the same instants as {@link #parse}.
   */
  static Instant timestampOrNull(JsonParser json, JsonToken value) throws IOException {
    Object raw = timestampValue(json, value);
    if (raw instanceof Long epochMillis) {
      return Instant.ofEpochMilli(epochMillis);
    }
    if (raw instanceof String text) {
      try {
        return Timestamps.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Object text(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    json.skipChildren();
    return WRONG_TYPE;
  }

  private static Object timestampValue(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return json.getLongValue();
    }
    return text(json, value);
  }

  private static Object price(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
      return json.getDoubleValue();
    }
    json.skipChildren();
    return WRONG_TYPE;
  }

  private static Object quantity(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
      return json.getIntValue();
    }
    json.skipChildren();
    return WRONG_TYPE;
  }

  /** Strings as they are, other values as their JSON text, nulls dropped: as {@link EventJson}. */
  private Object context(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      json.skipChildren();
      return WRONG_TYPE;
    }
    Map<String, String> context = new HashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String key = json.currentName();
      JsonToken entry = json.nextToken();
      if (entry == JsonToken.VALUE_NULL) {
        context.remove(key);
      } else if (entry == JsonToken.VALUE_STRING) {
        context.put(key, json.getText());
      } else {
        context.put(key, mapper.writeValueAsString(mapper.readTree(json)));
      }
    }
    return context;
  }

  /** The raw values of one line: null when absent or JSON null, {@link #WRONG_TYPE}, or the value. */
  private static final class Fields {
    private Object eventId;
    private Object customerId;
    private Object type;
    private Object itemId;
    private Object timestamp;
    private Object price;
    private Object quantity;
    private Object sessionId;
    private Object context;

    @SuppressWarnings("unchecked")
    ParsedEvent toEvent() {
      try {
        String validEventId = requiredId(eventId, "eventId");
        String validCustomerId = requiredId(customerId, "customerId");
        String typeName = requiredText(type, "type");
        EventType validType =
            EventType.fromWireName(typeName)
                .orElseThrow(() -> new InvalidEventField(
                    "field 'type' must be one of " + EventType.wireNames() + ", was '" + SafeText.of(typeName) + "'"));
        String validItemId = requiredId(itemId, "itemId");
        Instant validTimestamp = timestamp();
        Double validPrice = price();
        int validQuantity = quantity();
        String validSessionId = optionalText(sessionId, "sessionId");
        if (validSessionId != null) {
          InvalidEventField.checkedId("sessionId", validSessionId);
        }
        if (context == WRONG_TYPE) {
          throw new InvalidEventField("field 'context' must be a JSON object");
        }
        Map<String, String> validContext = context == null ? Map.of() : (Map<String, String>) context;
        return new ParsedEvent.Valid(
            new CustomerEvent(
                validEventId, validCustomerId, validType, validItemId, validTimestamp, validPrice, validQuantity,
                validSessionId, validContext));
      } catch (InvalidEventField e) {
        return new ParsedEvent.Invalid(e.getMessage());
      }
    }

    // the same ids as ingestion takes (Identifiers), so that replay sees what production would have
    private static String requiredId(Object value, String field) {
      return InvalidEventField.checkedId(field, requiredText(value, field));
    }


    private static String requiredText(Object value, String field) {
      if (value == null) {
        throw new InvalidEventField("missing required field '" + field + "'");
      }
      if (!(value instanceof String text) || text.isBlank()) {
        throw new InvalidEventField("field '" + field + "' must be a non-empty string");
      }
      return text;
    }

    private static String optionalText(Object value, String field) {
      if (value == WRONG_TYPE) {
        throw new InvalidEventField("field '" + field + "' must be a string");
      }
      return (String) value;
    }

    private Instant timestamp() {
      if (timestamp instanceof Long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
      }
      if (timestamp == null) {
        throw new InvalidEventField("missing required field 'timestamp'");
      }
      if (timestamp instanceof String text) {
        try {
          return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
          throw new InvalidEventField("field 'timestamp' must be a time (" + TIMESTAMP_FORMS + "), was '" + SafeText.of(text) + "'");
        }
      }
      throw new InvalidEventField("field 'timestamp' must be a time (" + TIMESTAMP_FORMS + ")");
    }

    private Double price() {
      if (price == null) {
        return null;
      }
      if (!(price instanceof Double value) || value < 0 || !Double.isFinite(value)) {
        throw new InvalidEventField("field 'price' must be a number >= 0");
      }
      return value;
    }

    private int quantity() {
      if (quantity == null) {
        return 1;
      }
      if (!(quantity instanceof Integer value) || value < 1) {
        throw new InvalidEventField("field 'quantity' must be an integer >= 1");
      }
      return value;
    }
  }
}
