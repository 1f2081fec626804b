package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLineParserTest {

  private static final String BASE =
      "\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\"";
  private static final Instant TEN_O_CLOCK = Instant.parse("2026-11-26T10:00:00Z");

  private final ObjectMapper mapper = new ObjectMapper();
  private final EventLineParser parser = new EventLineParser(mapper);
  private final EventJson contract = new EventJson(mapper);

  /** Lines in the contract's own timestamp form, valid and invalid: the file reads them as ingestion does. */
  @ParameterizedTest
  @ValueSource(strings = {
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\"}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":59.5,\"quantity\":2,\"sessionId\":\"s-9\","
        + "\"context\":{\"page\":\"product\",\"position\":3,\"score\":1.50,\"tags\":[\"a\",1],\"gone\":null}}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":null,\"quantity\":null,\"sessionId\":null,\"context\":null}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"context\":{\"k\":\"v\",\"k\":null}}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"eventId\":\"e-2\"}",
    "{\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-7\",\"timestamp\":\"2026-11-26T10:00:00Z\"}",
    "{\"eventId\":\"e-1\",\"customerId\":\" \",\"type\":\"view\"}",
    "{\"eventId\":\"e-1\",\"customerId\":42,\"type\":\"view\"}",
    "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"wishlist\",\"itemId\":\"sku-7\"}",
    "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":{\"id\":1}}",
    "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-7\"}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":-1}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"price\":\"12\"}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":0}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":1.0}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"quantity\":3000000000}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"sessionId\":7}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"context\":[1]}",
    "{\"eventId\":\"e 1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-7\",\"timestamp\":\"2026-11-26T10:00:00Z\"}",
    "{\"eventId\":\"e-1\",\"customerId\":\"c/1\",\"type\":\"view\",\"itemId\":\"sku-7\",\"timestamp\":\"2026-11-26T10:00:00Z\"}",
    "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku\\n7\",\"timestamp\":\"2026-11-26T10:00:00Z\"}",
    "{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"sessionId\":\"s 9\"}",
    "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"vi\\u001bew\",\"itemId\":\"sku-7\"}",
    "[1,2]",
    "\"just a string\""
  })
  void readsTheContractsFormExactlyAsIngestionDoes(String line) {
    assertEquals(contract.parse(bytes(line)), parse(line));
  }

  @Test
  void ignoresFieldsTheContractDoesNotKnowWhereverTheyAre() {
    String line = "{\"source\":{\"system\":\"shop\",\"ids\":[1,2]},\"score\":0.3," + BASE
        + ",\"timestamp\":\"2026-11-26T10:00:00Z\",\"extra\":[{\"timestamp\":\"x\"}]}";

    assertEquals(CustomerEvent.of("e-1", "c-42", EventType.VIEW, "sku-7", TEN_O_CLOCK), valid(line));
  }

  @Test
  void acceptsEpochMillisecondsAndOffsetTimestamps() {
    assertEquals(TEN_O_CLOCK, valid("{" + BASE + ",\"timestamp\":" + TEN_O_CLOCK.toEpochMilli() + "}").timestamp());
    assertEquals(TEN_O_CLOCK, valid("{" + BASE + ",\"timestamp\":\"2026-11-26 11:00:00+01:00\"}").timestamp());
  }

  @Test
  void aTimestampWithoutAnOffsetIsInvalidAndTheReasonSaysWhatIsAccepted() {
    String reason = invalid("{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00\"}");

    assertTrue(reason.startsWith("field 'timestamp' must be a time (expected an ISO-8601 date-time with an offset"), reason);
    assertTrue(reason.endsWith("was '2026-11-26T10:00:00'"), reason);
    assertTrue(invalid("{" + BASE + ",\"timestamp\":1.7e12}").startsWith("field 'timestamp' must be a time"));
    assertEquals("missing required field 'timestamp'", invalid("{" + BASE + "}"));
  }

  @Test
  void brokenJsonAndTrailingContentAreInvalid() {
    assertTrue(invalid("{\"eventId\":").startsWith("not valid JSON: "));
    assertTrue(invalid("{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\"} {}").startsWith("not valid JSON: "));
  }

  @Test
  void readsALineInTheMiddleOfABuffer() {
    byte[] buffer = bytes("garbage{" + BASE + ",\"timestamp\":\"2026-11-26T10:00:00Z\"}garbage");

    ParsedEvent parsed = parser.parse(buffer, "garbage".length(), buffer.length - 2 * "garbage".length());

    assertInstanceOf(ParsedEvent.Valid.class, parsed);
  }

  private ParsedEvent parse(String line) {
    byte[] bytes = bytes(line);
    return parser.parse(bytes, 0, bytes.length);
  }

  private CustomerEvent valid(String line) {
    return assertInstanceOf(ParsedEvent.Valid.class, parse(line)).event();
  }

  private String invalid(String line) {
    return assertInstanceOf(ParsedEvent.Invalid.class, parse(line)).reason();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
