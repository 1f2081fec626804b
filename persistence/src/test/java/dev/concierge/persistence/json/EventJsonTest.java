package dev.concierge.persistence.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

  private static final String CONTRACT_EXAMPLE =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\","
          + "\"timestamp\":\"2026-11-26T10:00:00Z\"}";

  private static final EventHorizon LIVE_HORIZON =
      new EventHorizon.Live(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC), Duration.ofHours(1));

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
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"like\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'type' must be one of view, click, add_to_cart, purchase, merge, was 'like'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"yesterday\"} | field 'timestamp' must be an ISO-8601 instant",
        "{\"eventId\":\"e\",\"customerId\":\"\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'customerId' must be a non-empty string",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":-1} | field 'price' must be a number >= 0",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":0} | field 'quantity' must be an integer >= 1",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} trailing | not valid JSON",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} {} | not valid JSON: more content after the event object",
        "{\"eventId\":                                                              | not valid JSON: ",
        "\"just a string\"                                                            | expected an event JSON object",
        "{\"eventId\":\"e\",\"customerId\":42,\"type\":\"view\"}                          | field 'customerId' must be a non-empty string",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":{\"id\":1}}    | field 'itemId' must be a non-empty string",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\"}         | missing required field 'timestamp'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"vi\\u001bew\",\"itemId\":\"i\"}  | field 'type' must be one of view, click, add_to_cart, purchase, merge, was 'vi\\u001bew'",
        "{\"eventId\":\"e 1\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'eventId'",
        "{\"eventId\":\"e\",\"customerId\":\"c/1\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'customerId'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\\n7\",\"timestamp\":\"2026-11-26T10:00:00Z\"} | field 'itemId'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":1764151200000} | field 'timestamp' must be a non-empty string",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":\"12\"} | field 'price' must be a number >= 0",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":1.0} | field 'quantity' must be an integer >= 1",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":3000000000} | field 'quantity' must be an integer >= 1",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"sessionId\":7} | field 'sessionId' must be a string",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"sessionId\":\"s 9\"} | field 'sessionId'",
        "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\",\"timestamp\":\"2026-11-26T10:00:00Z\",\"context\":[1]} | field 'context' must be a JSON object",
      })
  void aRecordThatBreaksTheContractIsInvalidWithAReasonThatNamesTheProblem(String record, String reason) {
    ParsedEvent parsed = json.parse(record.getBytes(StandardCharsets.UTF_8));

    ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, parsed);
    assertTrue(invalid.reason().startsWith(reason), invalid.reason());
  }

  @Test
  void nullOptionalFieldsAreAbsentNullContextValuesAreDroppedAndARepeatedFieldCountsItsLastValue() {
    String base = CONTRACT_EXAMPLE.substring(0, CONTRACT_EXAMPLE.length() - 1);

    assertEquals(valid(CONTRACT_EXAMPLE),
        valid(base + ",\"price\":null,\"quantity\":null,\"sessionId\":null,\"context\":null}"));
    assertEquals(Map.of("page", "product", "score", "1.5", "tags", "[\"a\",1]"),
        valid(base + ",\"context\":{\"page\":\"product\",\"score\":1.50,\"tags\":[\"a\",1],\"gone\":null,"
            + "\"k\":\"v\",\"k\":null}}").context());
    assertEquals("e-2", valid(base + ",\"eventId\":\"e-2\"}").eventId());
  }

  @Test
  void fieldsTheContractDoesNotKnowAreIgnoredWhereverTheyAre() {
    String withUnknown = "{\"source\":{\"system\":\"shop\",\"ids\":[1,2]},\"score\":0.3,"
        + CONTRACT_EXAMPLE.substring(1, CONTRACT_EXAMPLE.length() - 1) + ",\"extra\":[{\"timestamp\":\"x\"}]}";

    assertEquals(valid(CONTRACT_EXAMPLE), valid(withUnknown));
  }

  @Test
  void readsAnEventInTheMiddleOfABufferAndOnlyItsTimestampToo() {
    byte[] buffer = ("garbage" + CONTRACT_EXAMPLE + "garbage").getBytes(StandardCharsets.UTF_8);
    int length = buffer.length - 2 * "garbage".length();

    assertEquals(new ParsedEvent.Valid(valid(CONTRACT_EXAMPLE)), json.parse(buffer, "garbage".length(), length));
    assertEquals(Instant.parse("2026-11-26T10:00:00Z"), json.timestampOf(buffer, "garbage".length(), length));
    assertEquals(null, json.timestampOf(buffer, 0, length), "not JSON");
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

  @Test
  void aLiveNodeRefusesATimestampBeyondItsHorizonOnEitherPathNamingTheField() {
    EventJson live = new EventJson(new ObjectMapper(), LIVE_HORIZON);
    String farFuture = eventAt("+1000000000-01-01T00:00:00Z");

    ParsedEvent.Invalid fromRecord =
        assertInstanceOf(ParsedEvent.Invalid.class, live.parse(farFuture.getBytes(StandardCharsets.UTF_8)));
    ParsedEvent.Invalid fromTree = assertInstanceOf(ParsedEvent.Invalid.class, live.fromTree(tree(farFuture)));

    assertTrue(fromRecord.reason().startsWith("field 'timestamp' must not be later than 2026-11-26T11:00:00Z"),
        fromRecord.reason());
    assertEquals(fromRecord, fromTree, "both edges give the same reason");
  }

  @ParameterizedTest
  @CsvSource({"2026-11-26T11:00:00Z", "2026-11-26T10:00:00Z", "1970-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z"})
  void aLiveNodeTakesTimestampsUpToItsHorizonAndAnyOlderOneForBackfills(String timestamp) {
    EventJson live = new EventJson(new ObjectMapper(), LIVE_HORIZON);

    assertInstanceOf(ParsedEvent.Valid.class, live.parse(eventAt(timestamp).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void offlineReadersTakeAnyRepresentableTime() {
    assertEquals(Instant.MAX, valid(eventAt(Instant.MAX.toString())).timestamp());
  }

  @Test
  void anEventFromATreeIsRefusedWhenItsRecordWouldBeOverTheLimitSoIngestionNeverRefusesWhatWasAccepted() {
    CustomerEvent atTheLimit = eventWrittenIn(EventJson.MAX_EVENT_BYTES);
    CustomerEvent overTheLimit = eventWrittenIn(EventJson.MAX_EVENT_BYTES + 1);

    assertInstanceOf(ParsedEvent.Valid.class, json.fromTree(tree(new String(json.write(atTheLimit), StandardCharsets.UTF_8))));
    assertInstanceOf(ParsedEvent.Valid.class, json.parse(json.write(atTheLimit)), "ingestion takes its record");
    ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class,
        json.fromTree(tree(new String(json.write(overTheLimit), StandardCharsets.UTF_8))));
    assertTrue(invalid.reason().contains("an event is at most " + EventJson.MAX_EVENT_BYTES + " bytes"), invalid.reason());
  }

  @Test
  void theWrittenSizeCountsContextValuesAsTheyWillBeWrittenNotAsTheyCame() {
    // a nested value is kept as its JSON text, a string whose quotes are escaped again when written:
    // the request holds it in fewer bytes than the record it would become
    String quotes = "\\\"".repeat(EventJson.MAX_EVENT_BYTES / 3);
    String body = CONTRACT_EXAMPLE.replace("}", ",\"context\":{\"nested\":{\"q\":\"" + quotes + "\"}}}");
    assertTrue(body.length() < EventJson.MAX_EVENT_BYTES, "the request's event is under the limit");

    ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, json.fromTree(tree(body)));
    assertTrue(invalid.reason().contains("an event is at most"), invalid.reason());
  }

  /** Exactly what the browser SDK's identify() sends when an anonymous shopper logs in. */
  private static final String SDK_MERGE =
      "{\"eventId\":\"e-5d1c\",\"customerId\":\"c-42\",\"type\":\"merge\",\"fromCustomerId\":\"anon-7f3a\","
          + "\"timestamp\":\"2026-11-26T10:00:00.250Z\"}";

  @Test
  void aMergeAsTheSdkSendsItReadsWithoutAnItem() {
    CustomerEvent merge = valid(SDK_MERGE);

    assertEquals(CustomerEvent.merge("e-5d1c", "c-42", "anon-7f3a", Instant.parse("2026-11-26T10:00:00.250Z")), merge);
    assertEquals(null, merge.itemId());
    assertEquals(merge, assertInstanceOf(ParsedEvent.Valid.class, json.fromTree(tree(SDK_MERGE))).event(), "a tree too");
    assertEquals(merge, assertInstanceOf(ParsedEvent.Valid.class,
        new EventJson(new ObjectMapper(), LIVE_HORIZON).parse(SDK_MERGE.getBytes(StandardCharsets.UTF_8))).event(),
        "a live node too");
  }

  @Test
  void aMergeWrittenReadsBackTheSameWithItsOtherCustomerAndNoItem() {
    CustomerEvent merge = CustomerEvent.merge("e-9", "c-42", "anon-1", Instant.parse("2026-11-26T10:00:00Z"));

    String written = new String(json.write(merge), StandardCharsets.UTF_8);

    assertEquals("{\"eventId\":\"e-9\",\"customerId\":\"c-42\",\"type\":\"merge\",\"fromCustomerId\":\"anon-1\","
        + "\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":1}", written);
    assertEquals(merge, valid(written));
  }

  /** The choice for a merge's itemId: ignored like any field its type does not know, never kept or checked. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"sku-7\"", "\"not an id\"", "42", "null"})
  void theItemIdOfAMergeIsIgnoredAsIsTheOtherCustomerOfAnInteraction(String itemId) {
    CustomerEvent merge = valid(SDK_MERGE.replace("}", ",\"itemId\":" + itemId + "}"));
    CustomerEvent view = valid(CONTRACT_EXAMPLE.replace("}", ",\"fromCustomerId\":" + itemId + "}"));

    assertEquals(valid(SDK_MERGE), merge);
    assertEquals(valid(CONTRACT_EXAMPLE), view);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"fromCustomerId\":\"anon-7f3a\",' | '' | missing required field 'fromCustomerId'",
        "'\"fromCustomerId\":\"anon-7f3a\"' | '\"fromCustomerId\":null' | missing required field 'fromCustomerId'",
        "'\"fromCustomerId\":\"anon-7f3a\"' | '\"fromCustomerId\":\"\"' | field 'fromCustomerId' must be a non-empty string",
        "'\"fromCustomerId\":\"anon-7f3a\"' | '\"fromCustomerId\":7' | field 'fromCustomerId' must be a non-empty string",
        "'\"fromCustomerId\":\"anon-7f3a\"' | '\"fromCustomerId\":\"anon 7\"' | field 'fromCustomerId' may hold only",
        "'\"fromCustomerId\":\"anon-7f3a\"' | '\"fromCustomerId\":\"c-42\"' | field 'fromCustomerId' must be another customer than 'customerId'",
      })
  void aMergeWithoutAValidOtherCustomerIsInvalidNamingTheField(String field, String replacement, String reason) {
    String record = SDK_MERGE.replace(field, replacement);

    for (ParsedEvent parsed : java.util.List.of(json.parse(record.getBytes(StandardCharsets.UTF_8)), json.fromTree(tree(record)))) {
      ParsedEvent.Invalid invalid = assertInstanceOf(ParsedEvent.Invalid.class, parsed, record);
      assertTrue(invalid.reason().startsWith(reason), invalid.reason());
    }
  }

  @Test
  void everyOtherTypeStillRequiresAnItemEvenWithAnOtherCustomer() {
    for (String type : java.util.List.of("view", "click", "add_to_cart", "purchase")) {
      String record = SDK_MERGE.replace("merge", type);
      ParsedEvent.Invalid invalid =
          assertInstanceOf(ParsedEvent.Invalid.class, json.parse(record.getBytes(StandardCharsets.UTF_8)), type);
      assertEquals("missing required field 'itemId'", invalid.reason());
    }
  }

  private static String eventAt(String timestamp) {
    return CONTRACT_EXAMPLE.replace("2026-11-26T10:00:00Z", timestamp);
  }

  /** An event whose record, as {@link EventJson#write} makes it, is exactly {@code bytes} long. */
  private CustomerEvent eventWrittenIn(int bytes) {
    CustomerEvent empty = valid(CONTRACT_EXAMPLE);
    int overhead = json.write(withPadding(empty, "")).length;
    return withPadding(empty, "x".repeat(bytes - overhead));
  }

  private static CustomerEvent withPadding(CustomerEvent event, String padding) {
    return new CustomerEvent(event.eventId(), event.customerId(), event.type(), event.itemId(), event.timestamp(),
        event.price(), event.quantity(), event.sessionId(), Map.of("padding", padding));
  }

  private static JsonNode tree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CustomerEvent valid(String record) {
    ParsedEvent parsed = json.parse(record.getBytes(StandardCharsets.UTF_8));
    return assertInstanceOf(ParsedEvent.Valid.class, parsed, parsed.toString()).event();
  }
}
