package dev.concierge.offline.report;

import dev.concierge.offline.backtest.Interval;
import dev.concierge.offline.backtest.Lift;
import dev.concierge.offline.backtest.Proportion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes numbers and times for people: the same everywhere, whatever the machine's locale. */
final class Formats {

  private static final double PERCENT = 100;
  private static final long NANOS_PER_MICRO = 1_000;
  private static final long NANOS_PER_MILLI = 1_000_000;
  // tick values are sums of floating steps; rounding this far hides their error without losing a digit
  private static final int TICK_DECIMALS = 6;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Formats() {}

  /** A rate in [0, 1] as a percentage with one decimal. */
  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * PERCENT);
  }

  /** An axis tick as a percentage, with as many decimals as it needs. */
  static String percentTick(double rate) {
    BigDecimal value = BigDecimal.valueOf(rate * PERCENT).setScale(TICK_DECIMALS, RoundingMode.HALF_UP);
    return value.stripTrailingZeros().toPlainString() + "%";
  }

  /** A proportion's confidence interval, low to high, as percentages. */
  static String interval(Proportion proportion) {
    return percent(proportion.low()) + " – " + percent(proportion.high());
  }

  /** A rate's confidence interval, low to high, as percentages. */
  static String interval(Interval interval) {
    return percent(interval.low()) + " – " + percent(interval.high());
  }

  /** A rate's confidence interval as decimals in brackets, for the console. */
  static String decimalInterval(Interval interval) {
    return "[" + decimal(interval.low()) + ", " + decimal(interval.high()) + "]";
  }

  /** A lift and its interval, "2.46× [1.80, 3.30]"; an unbounded end is ∞. */
  static String lift(Lift lift) {
    if (!lift.defined()) {
      return "undefined (" + lift.baseline() + " hit nothing)";
    }
    Interval ratio = lift.ratio();
    return times(ratio.estimate()) + " [" + ratioEnd(ratio.low()) + ", " + ratioEnd(ratio.high()) + "]";
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static String ratioEnd(double ratio) {
    return Double.isInfinite(ratio) ? "∞" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  static String rate(double perSecond) {
    return number(perSecond) + "/s";
  }

  /** A latency in the unit that keeps it readable. */
  static String latency(long nanos) {
    if (nanos < NANOS_PER_MICRO) {
      return nanos + " ns";
    }
    if (nanos < NANOS_PER_MILLI) {
      return String.format(Locale.ROOT, "%.0f µs", (double) nanos / NANOS_PER_MICRO);
    }
    return String.format(Locale.ROOT, "%.1f ms", (double) nanos / NANOS_PER_MILLI);
  }

  static String day(Instant at) {
    return DAY.format(at);
  }

  static String dayAndTime(Instant at) {
    return DAY_AND_TIME.format(at);
  }

  static String minute(Instant at) {
    return MINUTE.format(at);
  }

  /** A length of time in the largest unit that divides it: "1 day", "6 hours", "30 minutes", "1500 ms". */
  static String span(Duration duration) {
    if (duration.toMillis() % Duration.ofMinutes(1).toMillis() != 0) {
      return duration.toMillis() + " ms";
    }
    if (duration.toMinutes() % Duration.ofHours(1).toMinutes() != 0) {
      return plural(duration.toMinutes(), "minute");
    }
    if (duration.toHours() % Duration.ofDays(1).toHours() != 0) {
      return plural(duration.toHours(), "hour");
    }
    return plural(duration.toDays(), "day");
  }

  private static String plural(long amount, String unit) {
    return amount + " " + unit + (amount == 1 ? "" : "s");
  }
}
