package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

  private static final String CONTRACT_EXAMPLE =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\","
          + "\"timestamp\":\"2026-11-26T10:00:00Z\"}";

  private final EventJson json = new EventJson(new ObjectMapper());

  @Test
  void theContractExampleReadsAsAViewWithDefaults() {
    CustomerEvent event = valid(CONTRACT_EXAMPLE);

    assertEquals(
        CustomerEvent.of("e-1", "c-42", EventType.VIEW, "sku-7", Instant.parse("2026-11-26T10:00:00Z")), event);
    assertEquals(1, event.quantity());
  }

  @Test
  void optionalFieldsAreKeptAndNonStringContextValuesKeepTheirJsonText() {
    CustomerEvent event =
        valid(
            "{\"eventId\":\"e-2\",\"customerId\":\"c-1\",\"type\":\"purchase\",\"itemId\":\"sku-1\","
                + "\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":59.5,\"quantity\":2,\"sessionId\":\"s-9\","
                + "\"context\":{\"page\":\"product\",\"position\":3,\"tags\":[\"a\"]}}");

    assertEquals(59.5, event.price());
    assertEquals(2, event.quantity());
    assertEquals("s-9", event.sessionId());
    assertEquals(Map.of("page", "product", "position", "3", "tags", "[\"a\"]"), event.context());
  }

  @Test
  void writingThenReadingGivesTheSameEvent() {
    CustomerEvent event =
        new CustomerEvent(
            "e-3", "c-2", EventType.ADD_TO_CART, "sku-3", Instant.parse("2026-11-26T10:00:01.5Z"), 12.0, 3, "s-1",
            Map.of("page", "cart"));

    assertEquals(event, valid(new String(json.write(event), StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                                                                   | not valid JSON",
        "[1,2]                                                                      | expected an event JSON object",
        "{\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | missing required field 'eventId'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"like\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'type' must be one of view, click, add_to_cart, purchase, was 'like'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"yesterday\"} | field 'timestamp' must be an ISO-8601 instant",
        "{\"eventId\":\"e\",\"customerId\":\"\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'customerId' must be a non-empty string",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":-1} | field 'price' must be a number >= 0",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":0} | field 'quantity' must be an integer >= 1",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} trailing | not valid JSON",
      })
  void aRecordThatBreaksTheContractIsInvalidWithAReasonThatNamesTheProblem(String record, String reason) {
    ParsedEvent parsed = json.parse(record.getBytes(StandardCharsets.UTF_8));

    ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, parsed);
    assertTrue(invalid.reason().startsWith(reason), invalid.reason());
  }

  @Test
  void aRecordWithoutAValueIsInvalid() {
    assertInstanceOf(ParsedEvent.Invalid.class, json.parse(null));
    assertInstanceOf(ParsedEvent.Invalid.class, json.parse(new byte[0]));
  }

  @Test
  void aRecordOverTheEventSizeLimitIsInvalidEvenWhenItIsAWellFormedEventWithPadding() {
    String padded = CONTRACT_EXAMPLE.replace("}", ",\"padding\":\"" + "x".repeat(EventJson.MAX_EVENT_BYTES) + "\"}");

    ParsedEvent parsed = json.parse(padded.getBytes(StandardCharsets.UTF_8));

    ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, parsed);
    assertTrue(invalid.reason().contains("an event is at most " + EventJson.MAX_EVENT_BYTES + " bytes"), invalid.reason());
  }

  @Test
  void bytesThatAreNotUtf8AreInvalidJson() {
    byte[] latin1 = "{\"eventId\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, json.parse(latin1));
    assertTrue(invalid.reason().startsWith("not valid JSON"), invalid.reason());
  }

  private CustomerEvent valid(String record) {
    ParsedEvent parsed = json.parse(record.getBytes(StandardCharsets.UTF_8));
    return assertInstanceOf(ParsedEvent.Valid.class, parsed, parsed.toString()).event();
  }
}
