package dev.concierge.offline.replay;

import dev.concierge.models.SafeText;
import dev.concierge.persistence.json.InvalidEventField;
import dev.concierge.persistence.json.TimestampForm;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The event times replay accepts as text: an ISO-8601 date-time with a zone offset, such as
 * {@code 2026-11-26T10:00:00Z}, {@code 2026-11-26T10:00:00.250Z}, {@code 2026-11-26T11:00:00+01:00},
 * {@code 2026-11-26T11:00+0100} or {@code 2026-11-26T11:00:00+01}; a space may stand for the
 * {@code T}, and letters may be lower case. Seconds are optional, fractions have up to 9 digits. A
 * date-time without an offset is rejected: its instant would depend on the replaying machine.
 *
 * <p>The canonical UTC form the contract writes ({@code yyyy-MM-ddTHH:mm:ss[.f]Z}) is read by hand,
 * because {@link DateTimeFormatter} costs about 1.5 µs per call, a tenth of the file replay budget.
 */
public final class Timestamps {

  /** The accepted forms, for error messages. */
  public static final String ACCEPTED =
      "expected an ISO-8601 date-time with an offset, such as 2026-11-26T10:00:00Z or 2026-11-26T11:00:00+01:00";

  /** The event times of a history file: text in any of these forms, or epoch milliseconds as a JSON integer. */
  public static final TimestampForm EVENT_FIELD = new TimestampForm() {
    private static final String FORMS = ACCEPTED + ", or epoch milliseconds as a JSON integer";

    @Override
    public Instant text(String text) {
      try {
        return parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidEventField("field 'timestamp' must be a time (" + FORMS + "), was '" + SafeText.of(text) + "'");
      }
    }

    @Override
    public Instant integer(long epochMillis) {
      return Instant.ofEpochMilli(epochMillis);
    }

    @Override
    public Instant other() {
      throw new InvalidEventField("field 'timestamp' must be a time (" + FORMS + ")");
    }
  };

  /** Offsets such as {@code +01:00} or {@code +01}; lenient offsets need the colon if the pattern has one. */
  private static final DateTimeFormatter WITH_COLON_OFFSET = withOffset("+HH:MM:ss");
  /** Offsets such as {@code +0100}. */
  private static final DateTimeFormatter WITH_COMPACT_OFFSET = withOffset("+HHMMss");

  private static final int DATE_LENGTH = 10;
  private static final int SECONDS_END = 19;
  private static final int MAX_FRACTION_DIGITS = 9;
  private static final int SECONDS_PER_DAY = 86_400;
  private static final int SECONDS_PER_HOUR = 3_600;
  private static final int SECONDS_PER_MINUTE = 60;
  private static final int HOURS_PER_DAY = 24;
  private static final int DECIMAL = 10;

  private Timestamps() {}

  /** @throws DateTimeParseException when {@code text} is none of the accepted forms */
  public static Instant parse(String text) {
    Instant canonical = canonicalUtc(text);
    if (canonical != null) {
      return canonical;
    }
    String withT =
        text.length() > DATE_LENGTH && text.charAt(DATE_LENGTH) == ' '
            ? text.substring(0, DATE_LENGTH) + 'T' + text.substring(DATE_LENGTH + 1)
            : text;
    try {
      return WITH_COLON_OFFSET.parse(withT, Instant::from);
    } catch (DateTimeParseException colonFailed) {
      try {
        return WITH_COMPACT_OFFSET.parse(withT, Instant::from);
      } catch (DateTimeParseException compactFailed) {
        throw colonFailed;
      }
    }
  }

  private static DateTimeFormatter withOffset(String offsetPattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        .parseLenient()
        .appendOffset(offsetPattern, "Z")
        .toFormatter(Locale.ROOT)
        .withChronology(IsoChronology.INSTANCE)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for anything else (left to the formatter). The
   * character positions below are those of that fixed layout.
   */
  private static Instant canonicalUtc(String text) {
    int length = text.length();
    if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(DATE_LENGTH) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, DATE_LENGTH);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, SECONDS_END);
    int nanos = fractionNanos(text, SECONDS_END, length - 1);
    if ((year | month | day | hour | minute | second | nanos) < 0
        || hour >= HOURS_PER_DAY || minute >= SECONDS_PER_MINUTE || second >= SECONDS_PER_MINUTE) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(
        epochDay * SECONDS_PER_DAY + hour * SECONDS_PER_HOUR + minute * SECONDS_PER_MINUTE + second, nanos);
  }

  /** The value of the decimal digits in {@code [from, to)}, or -1 if any is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * DECIMAL + digit;
    }
    return value;
  }

  /** Nanoseconds of an optional {@code .fraction} in {@code [from, to)}: 0 if empty, -1 if malformed. */
  private static int fractionNanos(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    int fractionDigits = to - from - 1;
    if (text.charAt(from) != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
      return -1;
    }
    int value = digits(text, from + 1, to);
    for (int i = fractionDigits; i < MAX_FRACTION_DIGITS && value >= 0; i++) {
      value *= DECIMAL;
    }
    return value;
  }
}
