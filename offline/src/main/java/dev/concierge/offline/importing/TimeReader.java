package dev.concierge.offline.importing;

import dev.concierge.offline.replay.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads the time column of an imported file as epoch milliseconds. {@code auto} takes what the
 * public data sets write: epoch seconds (MovieLens, Amazon), epoch milliseconds (Retail Rocket),
 * with or without a fraction; and ISO-8601 date-times, with an offset, or without one (then in
 * {@code zone}, as the Online Retail set's {@code 2010-12-01 08:26:00}), or dates alone. Epoch numbers
 * from {@value #MILLIS_FROM} up are milliseconds: as seconds they would lie after the year 5000, as
 * milliseconds they lie after March 1973. The other forms force one reading, or give a
 * {@link DateTimeFormatter} pattern such as {@code M/d/yyyy H:mm}.
 */
public final class TimeReader {

  /** The forms a user can name; anything else is a pattern. */
  public static final String FORMS = "auto, seconds, millis, iso or a pattern such as M/d/yyyy H:mm";

  private static final double MILLIS_FROM = 1e11;
  private static final long MILLIS_PER_SECOND = 1000;
  private static final int DATE_LENGTH = 10;
  private static final int MAX_INTEGER_DIGITS = 18;
  /** The years an event's ISO-8601 text holds with four digits, as the contract writes them. */
  private static final long EARLIEST = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
  private static final long LATEST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
  /** Stands for a time too far out to compute in milliseconds; outside the years, so refused like them. */
  private static final long FAR_OUT = Long.MAX_VALUE;

  private enum Form { AUTO, SECONDS, MILLIS, ISO, PATTERN }

  private final Form form;
  private final String spec;
  private final DateTimeFormatter pattern;
  private final ZoneId zone;

  private TimeReader(Form form, String spec, ZoneId zone) {
    this.form = form;
    this.spec = spec;
    this.pattern = form == Form.PATTERN ? DateTimeFormatter.ofPattern(spec, Locale.ROOT) : null;
    this.zone = zone;
  }

  /**
   * @param spec one of {@link #FORMS}
   * @param zone the zone of times written without an offset
   * @throws IllegalArgumentException for a pattern that {@link DateTimeFormatter} does not take
   */
  public static TimeReader of(String spec, ZoneId zone) {
    String name = spec.strip();
    Form form = switch (name.toLowerCase(Locale.ROOT)) {
      case "auto" -> Form.AUTO;
      case "seconds" -> Form.SECONDS;
      case "millis" -> Form.MILLIS;
      case "iso" -> Form.ISO;
      default -> Form.PATTERN;
    };
    return new TimeReader(form, name, zone);
  }

  /** For the summary: {@code auto (times without an offset in UTC)}. */
  public String describe() {
    return spec + " (times without an offset in " + zone + ")";
  }

  /** @throws RowRejected when the text is no time of this form, or lies outside the years 1 to 9999 */
  long millis(String raw) {
    String text = raw.strip();
    long millis = switch (form) {
      case AUTO -> isEpochNumber(text) ? epoch(text, Math.abs(Double.parseDouble(text)) >= MILLIS_FROM) : iso(text);
      case SECONDS -> isEpochNumber(text) ? epoch(text, false) : notA("epoch seconds", raw);
      case MILLIS -> isEpochNumber(text) ? epoch(text, true) : notA("epoch milliseconds", raw);
      case ISO -> iso(text);
      case PATTERN -> patterned(text, raw);
    };
    if (millis < EARLIEST || millis > LATEST) {
      throw RowRejected.bad("time outside the years 1 to 9999", raw);
    }
    return millis;
  }

  /** The epoch number's milliseconds, or {@link #FAR_OUT}. */
  private static long epoch(String text, boolean inMillis) {
    if (text.indexOf('.') < 0 && text.length() <= MAX_INTEGER_DIGITS) {
      long value = Long.parseLong(text);
      if (inMillis) {
        return value;
      }
      return Math.abs(value) <= LATEST / MILLIS_PER_SECOND ? value * MILLIS_PER_SECOND : FAR_OUT;
    }
    double value = Double.parseDouble(text);
    double millis = inMillis ? value : value * MILLIS_PER_SECOND;
    return millis >= EARLIEST && millis <= LATEST ? Math.round(millis) : FAR_OUT;
  }

  private long iso(String text) {
    try {
      return Timestamps.parse(text).toEpochMilli();
    } catch (ArithmeticException farOut) {
      return FAR_OUT;
    } catch (DateTimeParseException withoutOffset) {
      String withT = text.length() > DATE_LENGTH && text.charAt(DATE_LENGTH) == ' '
          ? text.substring(0, DATE_LENGTH) + 'T' + text.substring(DATE_LENGTH + 1)
          : text;
      try {
        return (text.length() == DATE_LENGTH
            ? LocalDate.parse(withT).atStartOfDay(zone)
            : LocalDateTime.parse(withT).atZone(zone)).toInstant().toEpochMilli();
      } catch (ArithmeticException farOut) {
        return FAR_OUT;
      } catch (DateTimeException notIso) {
        return notA(form == Form.AUTO
            ? "epoch seconds or milliseconds, nor an ISO-8601 date-time (say which with --time-format)"
            : "an ISO-8601 date-time", text);
      }
    }
  }

  private long patterned(String text, String raw) {
    try {
      TemporalAccessor parsed = pattern.parseBest(text, Instant::from, LocalDateTime::from, LocalDate::from);
      Instant instant = parsed instanceof Instant at ? at
          : parsed instanceof LocalDateTime local ? local.atZone(zone).toInstant()
          : ((LocalDate) parsed).atStartOfDay(zone).toInstant();
      return instant.toEpochMilli();
    } catch (ArithmeticException farOut) {
      return FAR_OUT;
    } catch (DateTimeException e) {
      return notA("a time of the pattern " + spec, raw);
    }
  }

  private static long notA(String what, String raw) {
    throw RowRejected.bad("time is not " + what, raw);
  }

  /** An optional minus, digits, and an optional fraction: what epoch times look like. */
  private static boolean isEpochNumber(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot && digits > 0) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits > 0 && text.charAt(text.length() - 1) != '.';
  }
}
