package dev.concierge.tools.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option values the tools share, checked as picocli reads them; a value that does not fit is a
 * bad command line (exit code 2) whose message says what was expected.
 */
public final class Converters {

  private Converters() {}

  /** An ISO-8601 instant: {@code 2026-10-01T00:00:00Z}. */
  public static final class IsoInstant implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("must be an ISO-8601 instant such as 2026-10-01T00:00:00Z, was '" + value + "'");
      }
    }
  }

  /** A whole number of 1 or more that fits an int. */
  public static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) positive(value, Integer.MAX_VALUE);
    }
  }

  /** A whole number of 1 or more. */
  public static final class PositiveLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return positive(value, Long.MAX_VALUE);
    }
  }

  /** Events per second: a number above 0. */
  public static final class EventRate implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        double rate = Double.parseDouble(value);
        if (rate > 0 && Double.isFinite(rate)) {
          return rate;
        }
      } catch (NumberFormatException e) {
        // reported below, like any other unusable rate
      }
      throw new TypeConversionException("must be a number of events per second above 0, was '" + value + "'");
    }
  }

  /** A duration as the HOCON files write them: {@code 30m}, {@code 2h}, {@code 90s}. */
  public static final class HoconDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return ConfigFactory.parseString("d = \"" + value.replace("\"", "") + "\"").getDuration("d");
      } catch (ConfigException e) {
        throw new TypeConversionException("must be a duration such as 30m, 2h or 90s, was '" + value + "'");
      }
    }
  }

  private static long positive(String value, long max) {
    try {
      long number = Long.parseLong(value);
      if (number >= 1 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new TypeConversionException("must be a whole number between 1 and " + max + ", was '" + value + "'");
  }
}
