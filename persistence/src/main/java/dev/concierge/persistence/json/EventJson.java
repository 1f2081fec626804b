package dev.concierge.persistence.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.EventType;
import dev.concierge.models.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code customer-events} JSON contract: reading with validation that names the field to fix,
 * and writing the canonical form. Context values that are not strings are kept as their JSON text;
 * fields the contract does not know are ignored.
 *
 * <p>An interaction ({@code view}, {@code click}, {@code add_to_cart}, {@code purchase}) requires an
 * {@code itemId}; a {@code merge} requires a {@code fromCustomerId} instead (an id like any other, not the
 * {@code customerId}), and its {@code itemId}, if one is sent, is ignored like any field the type does not
 * know, as is the {@code fromCustomerId} of an interaction.
 *
 * <p>This is the one reader of the contract. Every entry point reads the same tokens with Jackson's
 * streaming parser (about twice as fast as a tree) and checks the fields in the contract's order, so
 * they agree on every input: {@link #parse(byte[])} for a topic record, {@link #parse(byte[], int, int)}
 * for a slice of a buffer (a line of an exported history), and {@link #fromTree} for an event of a
 * larger document, such as a {@code POST /v1/events} body.
 *
 * <p>Both edges of a node, the request and the topic, refuse the same events: an event larger than
 * {@link #MAX_EVENT_BYTES}, and, on a live node, a timestamp beyond its {@link EventHorizon}. Offline
 * readers (replay, tools) have no horizon and take any time an {@link Instant} holds, and may read
 * timestamps in a wider {@link TimestampForm} than the contract's.
 */
public final class EventJson {

  /** The largest event record read: real events are a few hundred bytes, and anything far larger is not one. */
  public static final int MAX_EVENT_BYTES = 64 * 1024;

  private static final String NOT_AN_OBJECT = "expected an event JSON object";
  private static final String TRAILING = "not valid JSON: more content after the event object";
  private static final int JSON_ERROR_CHARACTERS = 200;
  private static final int WRITE_BUFFER_BYTES = 256;

  /** A value present but of the wrong JSON type; checked in contract order after the whole event is read. */
  private static final Object WRONG_TYPE = new Object();

  private final ObjectMapper mapper;
  private final JsonFactory factory;
  private final EventHorizon horizon;
  private final TimestampForm timestamps;

  /** For offline readers: every representable time is taken, in the contract's form. */
  public EventJson(ObjectMapper mapper) {
    this(mapper, EventHorizon.NONE, TimestampForm.CONTRACT);
  }

  /** For offline readers of other forms of time, such as exported histories. */
  public EventJson(ObjectMapper mapper, TimestampForm timestamps) {
    this(mapper, EventHorizon.NONE, timestamps);
  }

  /** For a live node: a timestamp beyond {@code horizon} is refused. */
  public EventJson(ObjectMapper mapper, EventHorizon horizon) {
    this(mapper, horizon, TimestampForm.CONTRACT);
  }

  private EventJson(ObjectMapper mapper, EventHorizon horizon, TimestampForm timestamps) {
    this.mapper = mapper;
    this.factory = mapper.getFactory();
    this.horizon = horizon;
    this.timestamps = timestamps;
  }

  /** One record of the topic; its size is the record's. */
  public ParsedEvent parse(byte[] json) {
    if (json == null || json.length == 0) {
      return new ParsedEvent.Invalid("the record has no value; expected an event JSON object");
    }
    if (json.length > MAX_EVENT_BYTES) {
      return new ParsedEvent.Invalid(tooLarge("the record", json.length));
    }
    return parse(json, 0, json.length);
  }

  /**
   * One event in {@code length} bytes of {@code buffer} from {@code offset}, such as a line of an
   * exported history. Its size is not checked: the caller bounds what it reads.
   */
  public ParsedEvent parse(byte[] buffer, int offset, int length) {
    try (JsonParser json = factory.createParser(buffer, offset, length)) {
      return read(json);
    } catch (JsonProcessingException e) {
      // Jackson's message, without the location it adds on a line of its own, quotes the offending input
      String message = Objects.requireNonNullElse(e.getOriginalMessage(), "unreadable");
      return new ParsedEvent.Invalid("not valid JSON: " + SafeText.of(message, JSON_ERROR_CHARACTERS));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /**
   * One event of a larger document, such as a request body. Its size is that of the record it will
   * be on the topic, {@link #write}'s form, so that whatever is accepted here ingestion takes too.
   */
  public ParsedEvent fromTree(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new ParsedEvent.Invalid(NOT_AN_OBJECT);
    }
    ParsedEvent parsed;
    try (JsonParser json = mapper.treeAsTokens(node)) {
      parsed = read(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a tree reads as tokens without error", e);
    }
    if (parsed instanceof ParsedEvent.Valid valid) {
      long bytes = writtenSize(valid.event());
      if (bytes > MAX_EVENT_BYTES) {
        return new ParsedEvent.Invalid(tooLarge("the event as written to the topic", bytes));
      }
    }
    return parsed;
  }

  /**
   * Only the top-level timestamp of the event in a slice of {@code buffer}, read as {@link #parse}
   * reads it (the last, if repeated), or null if there is none that reads, or the slice is not a JSON
   * object; for a scan that wants only the times, at about a third of the cost of a parse.
   */
  public Instant timestampOf(byte[] buffer, int offset, int length) {
    try (JsonParser json = factory.createParser(buffer, offset, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Object raw = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        boolean isTimestamp = "timestamp".equals(json.currentName());
        JsonToken value = json.nextToken();
        if (isTimestamp) {
          raw = timestampValue(json, value);
        } else {
          json.skipChildren();
        }
      }
      return raw == null ? null : timestamp(raw);
    } catch (IOException | InvalidEventField e) {
      return null;
    }
  }

  public byte[] write(CustomerEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(WRITE_BUFFER_BYTES);
    write(event, out);
    return out.toByteArray();
  }

  /**
   * The whole input as one event. Input that does not open an object is not one, whatever follows (a
   * history exported as one JSON array is told so on its first line); an object is read to its end,
   * so that malformed JSON is reported before any field, and the fields are checked in contract order.
   */
  private ParsedEvent read(JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      return new ParsedEvent.Invalid(NOT_AN_OBJECT);
    }
    Fields fields = fields(json);
    if (json.nextToken() != null) {
      return new ParsedEvent.Invalid(TRAILING);
    }
    return event(fields);
  }

  private Fields fields(JsonParser json) throws IOException {
    Fields fields = new Fields();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      switch (name) {
        case "eventId" -> fields.eventId = text(json, value);
        case "customerId" -> fields.customerId = text(json, value);
        case "type" -> fields.type = text(json, value);
        case "itemId" -> fields.itemId = text(json, value);
        case "fromCustomerId" -> fields.fromCustomerId = text(json, value);
        case "timestamp" -> fields.timestamp = timestampValue(json, value);
        case "price" -> fields.price = price(json, value);
        case "quantity" -> fields.quantity = quantity(json, value);
        case "sessionId" -> fields.sessionId = text(json, value);
        case "context" -> fields.context = context(json, value);
        default -> json.skipChildren();
      }
    }
    return fields;
  }

  @SuppressWarnings("unchecked")
  private ParsedEvent event(Fields fields) {
    try {
      String eventId = requiredId(fields.eventId, "eventId");
      String customerId = requiredId(fields.customerId, "customerId");
      String typeName = requiredText(fields.type, "type");
      EventType type =
          EventType.fromWireName(typeName)
              .orElseThrow(() -> new InvalidEventField(
                  "field 'type' must be one of " + EventType.wireNames() + ", was '" + SafeText.of(typeName) + "'"));
      String itemId = null;
      String fromCustomerId = null;
      if (type == EventType.MERGE) {
        fromCustomerId = requiredId(fields.fromCustomerId, "fromCustomerId");
        if (fromCustomerId.equals(customerId)) {
          throw new InvalidEventField(
              "field 'fromCustomerId' must be another customer than 'customerId': a customer cannot merge itself");
        }
      } else {
        itemId = requiredId(fields.itemId, "itemId");
      }
      if (fields.timestamp == null) {
        throw new InvalidEventField("missing required field 'timestamp'");
      }
      Instant timestamp = notBeyondHorizon(timestamp(fields.timestamp));
      Double price = price(fields.price);
      int quantity = quantity(fields.quantity);
      String sessionId = optionalText(fields.sessionId, "sessionId");
      if (sessionId != null) {
        InvalidEventField.checkedId("sessionId", sessionId);
      }
      if (fields.context == WRONG_TYPE) {
        throw new InvalidEventField("field 'context' must be a JSON object");
      }
      Map<String, String> context = fields.context == null ? Map.of() : (Map<String, String>) fields.context;
      return new ParsedEvent.Valid(
          new CustomerEvent(
              eventId, customerId, type, itemId, timestamp, price, quantity, sessionId, context, fromCustomerId));
    } catch (InvalidEventField e) {
      return new ParsedEvent.Invalid(e.getMessage());
    }
  }

  /**
   * The size of {@link #write}'s form of {@code event}, counted, not kept. It can be far larger than the
   * record the event was read from, since a context value that is not a string is kept as its JSON text
   * ({@code 1e6} becomes {@code 1000000.0}, and a quote in an array is escaped again); a binary form of
   * the event grows with it, so whatever must fit a frame is measured by it.
   */
  public long writtenSize(CustomerEvent event) {
    ByteCount count = new ByteCount();
    write(event, count);
    return count.bytes;
  }

  private void write(CustomerEvent event, OutputStream out) {
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("eventId", event.eventId());
      json.writeStringField("customerId", event.customerId());
      json.writeStringField("type", event.type().wireName());
      if (event.isMerge()) {
        json.writeStringField("fromCustomerId", event.fromCustomerId());
      } else {
        json.writeStringField("itemId", event.itemId());
      }
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

  // --- the raw values, as the tokens give them: null when absent or JSON null, WRONG_TYPE, or the value

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
    if (value == JsonToken.VALUE_NUMBER_INT) {
      // a tree may hold a small number as a long or a big integer
      JsonParser.NumberType type = json.getNumberType();
      if (type == JsonParser.NumberType.INT) {
        return json.getIntValue();
      }
      BigInteger integer = type == JsonParser.NumberType.LONG
          ? BigInteger.valueOf(json.getLongValue()) : json.getBigIntegerValue();
      if (integer.bitLength() < Integer.SIZE) {
        return integer.intValue();
      }
    }
    json.skipChildren();
    return WRONG_TYPE;
  }

  /** Strings as they are, other values as their JSON text, nulls dropped. */
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

  // --- the checks, in contract order

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

  private Instant timestamp(Object raw) {
    if (raw instanceof String text) {
      return timestamps.text(text);
    }
    if (raw instanceof Long integer) {
      return timestamps.integer(integer);
    }
    return timestamps.other();
  }

  private static Double price(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Double price) || price < 0 || !Double.isFinite(price)) {
      throw new InvalidEventField("field 'price' must be a number >= 0");
    }
    return price;
  }

  private static int quantity(Object value) {
    if (value == null) {
      return 1;
    }
    if (!(value instanceof Integer quantity) || quantity < 1) {
      throw new InvalidEventField("field 'quantity' must be an integer >= 1");
    }
    return quantity;
  }

  /** The raw values of one event, by field. */
  private static final class Fields {
    private Object eventId;
    private Object customerId;
    private Object type;
    private Object itemId;
    private Object fromCustomerId;
    private Object timestamp;
    private Object price;
    private Object quantity;
    private Object sessionId;
    private Object context;
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
}
