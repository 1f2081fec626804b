package dev.concierge.offline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.nio.charset.StandardCharsets;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  private static final String BASE =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\"";
  private static final Instant TEN_O_CLOCK = Instant.parse("2026-11-26T10:00:00Z");

  private final EventJson historyLines = new EventJson(new ObjectMapper(), Timestamps.EVENT_FIELD);

  @ParameterizedTest
  @CsvSource({
    "2026-11-26T10:00:00Z, 2026-11-26T10:00:00Z",
    "2026-11-26T10:00:00.250Z, 2026-11-26T10:00:00.250Z",
    "2026-11-26T10:00:00.123456789Z, 2026-11-26T10:00:00.123456789Z",
    "2026-11-26T11:00:00+01:00, 2026-11-26T10:00:00Z",
    "2026-11-26T11:00:00+0100, 2026-11-26T10:00:00Z",
    "2026-11-26T11:00:00+01, 2026-11-26T10:00:00Z",
    "2026-11-26T05:30:00-04:30, 2026-11-26T10:00:00Z",
    "2026-11-26T10:00Z, 2026-11-26T10:00:00Z",
    "2026-11-26 10:00:00Z, 2026-11-26T10:00:00Z",
    "2026-11-26 11:00:00.5+01:00, 2026-11-26T10:00:00.5Z",
    "2026-11-26t10:00:00z, 2026-11-26T10:00:00Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z"
  })
  void acceptsIsoDateTimesWithAnOffsetInTheirCommonSpellings(String text, String instant) {
    assertEquals(Instant.parse(instant), Timestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-11-26T10:00:00", "2026-11-26", "yesterday", "", "2026-02-30T10:00:00Z", "2026-11-26T24:00:00Z",
    "2026-11-26T10:60:00Z", "2026-11-26T10:00:00.1234567890Z", "1764151200000", "2026-11-26T10:00:00 +01:00"
  })
  void rejectsTimesWithoutAnOffsetAndImpossibleDates(String text) {
    assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text));
  }

  @Test
  void theHandWrittenUtcReaderAgreesWithTheJdkOnRandomInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
      if (i % 3 == 0) {
        instant = Instant.ofEpochMilli(instant.toEpochMilli());
      }
      assertEquals(instant, Timestamps.parse(instant.toString()));
    }
  }

  @Test
  void anEventOfAHistoryFileMayGiveItsTimeInAnyOfTheseFormsOrAsEpochMilliseconds() {
    assertEquals(TEN_O_CLOCK, event(BASE + ",\"timestamp\":" + TEN_O_CLOCK.toEpochMilli() + "}").timestamp());
    assertEquals(TEN_O_CLOCK, event(BASE + ",\"timestamp\":\"2026-11-26 11:00:00+01:00\"}").timestamp());
  }

  @Test
  void anEventTimeWithoutAnOffsetIsInvalidAndTheReasonSaysWhatIsAccepted() {
    String reason = reason(BASE + ",\"timestamp\":\"2026-11-26T10:00:00\"}");

    assertTrue(reason.startsWith("field 'timestamp' must be a time (expected an ISO-8601 date-time with an offset"), reason);
    assertTrue(reason.endsWith("was '2026-11-26T10:00:00'"), reason);
    assertTrue(reason(BASE + ",\"timestamp\":1.7e12}").startsWith("field 'timestamp' must be a time ("));
    assertTrue(reason(BASE + ",\"timestamp\":\" \"}").startsWith("field 'timestamp' must be a time ("));
    assertEquals("missing required field 'timestamp'", reason(BASE + ",\"timestamp\":null}"));
  }

  private CustomerEvent event(String line) {
    return assertInstanceOf(ParsedEvent.Valid.class, historyLines.parse(bytes(line))).event();
  }

  private String reason(String line) {
    return assertInstanceOf(ParsedEvent.Invalid.class, historyLines.parse(bytes(line))).reason();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
