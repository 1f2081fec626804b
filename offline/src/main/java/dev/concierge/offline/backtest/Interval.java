package dev.concierge.offline.backtest;

/**
 * An estimate with its 95% confidence interval.
 *
 * @param high may be {@link Double#POSITIVE_INFINITY}: a ratio whose denominator some resamples left at 0
 */
public record Interval(double estimate, double low, double high) {

  public Interval {
    if (Double.isNaN(estimate) || Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("need low <= high, all numbers, was " + low + " .. " + high);
    }
  }

  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  public double width() {
    return high - low;
  }
}
