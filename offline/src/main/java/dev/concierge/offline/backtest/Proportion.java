package dev.concierge.offline.backtest;

/**
 * A rate with its Wilson score interval at 95%. Wilson rather than the normal approximation because
 * click and purchase rates are small and arms can be small, where the normal interval leaves [0, 1]
 * and covers far less often than it claims.
 *
 * @param low  lower bound of the interval; with no trials the interval is all of [0, 1]
 * @param high upper bound of the interval
 */
public record Proportion(long successes, long trials, double rate, double low, double high) {

  /** The standard normal quantile for a two-sided 95% interval. */
  private static final double Z_95 = 1.959963984540054;

  public static Proportion of(long successes, long trials) {
    if (successes < 0 || trials < successes) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, was " + successes + " of " + trials);
    }
    if (trials == 0) {
      return new Proportion(0, 0, 0, 0, 1);
    }
    double n = trials;
    double p = successes / n;
    double zSquared = Z_95 * Z_95;
    double denominator = 1 + zSquared / n;
    double centre = (p + zSquared / (2 * n)) / denominator;
    double halfWidth = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + zSquared / (4 * n * n));
    return new Proportion(successes, trials, p, Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
  }
}
