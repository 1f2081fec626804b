package dev.concierge.offline.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeReaderTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final TimeReader AUTO = TimeReader.of("auto", UTC);
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the years an event's text holds. */
  private static final long EARLIEST = -62_135_596_800_000L;
  private static final long LATEST = 253_402_300_799_999L;

  @ParameterizedTest
  @CsvSource({
    "978300760, 2000-12-31T22:12:40Z",
    "964982703.5, 2000-07-30T18:45:03.500Z",
    "1433221332117, 2015-06-02T05:02:12.117Z",
    "-86400, 1969-12-31T00:00:00Z",
    "' 881250949 ', 1997-12-04T15:55:49Z",
    "2010-12-01 08:26:00, 2010-12-01T08:26:00Z",
    "2010-12-01T08:26, 2010-12-01T08:26:00Z",
    "2010-12-01, 2010-12-01T00:00:00Z",
    "2026-11-26T11:00:00+01:00, 2026-11-26T10:00:00Z",
    "2026-11-26 10:00:00.250Z, 2026-11-26T10:00:00.250Z"
  })
  void autoReadsTheTimesOfThePublicDataSets(String text, String instant) {
    assertEquals(Instant.parse(instant).toEpochMilli(), AUTO.millis(text));
  }

  @Test
  void epochNumbersFromAHundredBillionOnAreMilliseconds() {
    assertEquals(99_999_999_999_000L, AUTO.millis("99999999999"));
    assertEquals(100_000_000_000L, AUTO.millis("100000000000"));
  }

  @Test
  void timesWithoutAnOffsetAreInTheZoneGiven() {
    TimeReader london = TimeReader.of("auto", ZoneId.of("Europe/London"));

    assertEquals(Instant.parse("2011-06-01T07:26:00Z").toEpochMilli(), london.millis("2011-06-01 08:26:00"));
    assertEquals(Instant.parse("2011-06-01T07:26:00Z").toEpochMilli(), london.millis("2011-06-01T07:26:00Z"));
  }

  @Test
  void aPatternReadsOtherLayoutsSuchAsKagglesOnlineRetail() {
    TimeReader us = TimeReader.of("M/d/yyyy H:mm", UTC);

    assertEquals(Instant.parse("2010-12-01T08:26:00Z").toEpochMilli(), us.millis("12/1/2010 8:26"));
    assertEquals(Instant.parse("2010-12-01T00:00:00Z").toEpochMilli(), TimeReader.of("d.M.yyyy", UTC).millis("1.12.2010"));
    assertEquals("time is not a time of the pattern M/d/yyyy H:mm", reason(us, "2010-12-01 08:26"));
  }

  @Test
  void aFormNamedReadsOnlyThatForm() {
    assertEquals(978_300_760L, TimeReader.of("millis", UTC).millis("978300760"));
    assertEquals(100_000_000_000_000L, TimeReader.of("seconds", UTC).millis("100000000000"));
    assertEquals("time is not epoch seconds", reason(TimeReader.of("seconds", UTC), "2010-12-01"));
    assertEquals("time is not an ISO-8601 date-time", reason(TimeReader.of("iso", UTC), "978300760"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "NaN", "Infinity", "1e9", "0x10", "12.", "--1", "2010-13-01", "2010-12-01 25:00"})
  void textThatIsNoTimeMakesTheRowBad(String text) {
    RowRejected rejected = assertThrows(RowRejected.class, () -> AUTO.millis(text));

    assertTrue(rejected.bad());
    assertTrue(rejected.reason().startsWith("time is not epoch seconds or milliseconds"), rejected.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "-9999999999999999", "+1000000000-01-01T00:00:00Z", "10000-01-01"})
  void timesBeyondTheYears1To9999MakeTheRowBad(String text) {
    RowRejected rejected = assertThrows(RowRejected.class, () -> TimeReader.of("auto", UTC).millis(text));

    assertTrue(rejected.reason().startsWith("time "), rejected.reason());
  }

  @Test
  void aPatternThatIsNoneIsRefusedWhenGiven() {
    assertThrows(IllegalArgumentException.class, () -> TimeReader.of("yyyy-MM-dd {{", UTC));
  }

  /** Any instant of the years 1 to 9999 reads back from each form the data sets write it in. */
  @Property(tries = 1000)
  void everyFormOfAnInstantReadsBackToIt(@ForAll @LongRange(min = EARLIEST, max = LATEST) long millis) {
    Instant instant = Instant.ofEpochMilli(millis);
    long seconds = Math.floorDiv(millis, 1000);

    assertEquals(millis, AUTO.millis(instant.toString()));
    assertEquals(millis, TimeReader.of("millis", UTC).millis(Long.toString(millis)));
    assertEquals(seconds * 1000, TimeReader.of("seconds", UTC).millis(Long.toString(seconds)));
    String local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    assertEquals(millis, AUTO.millis(local.replace('T', ' ')));
  }

  @Property(tries = 2000)
  void anyTextReadsOrIsABadRowNeverAnotherFailure(@ForAll("texts") String text, @ForAll("forms") String form) {
    try {
      long millis = TimeReader.of(form, UTC).millis(text);
      assertTrue(millis >= EARLIEST && millis <= LATEST, "within the years 1 to 9999: " + millis);
    } catch (RowRejected rejected) {
      assertTrue(rejected.bad());
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789.-+:TZ e").ofMaxLength(30),
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf));
  }

  @Provide
  Arbitrary<String> forms() {
    return Arbitraries.of("auto", "seconds", "millis", "iso", "M/d/yyyy H:mm", "yyyy-MM-dd HH:mm:ssXXX");
  }

  private static String reason(TimeReader reader, String text) {
    return assertThrows(RowRejected.class, () -> reader.millis(text)).reason();
  }
}
