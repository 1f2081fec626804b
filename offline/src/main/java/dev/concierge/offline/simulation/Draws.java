package dev.concierge.offline.simulation;

import java.util.SplittableRandom;

/**
 * The random draws the simulation needs beyond uniform numbers. They use {@link StrictMath}, whose
 * results are the same on every JVM and platform, so a seed gives the same shoppers everywhere.
 */
final class Draws {

  private static final double TWO_PI = 2 * StrictMath.PI;

  private Draws() {}

  static boolean chance(SplittableRandom random, double probability) {
    return random.nextDouble() < probability;
  }

  /** A draw from the exponential distribution with mean 1. */
  static double exponential(SplittableRandom random) {
    return -StrictMath.log(1.0 - random.nextDouble());
  }

  /** A draw from the standard normal distribution (Box-Muller). */
  static double gaussian(SplittableRandom random) {
    double radius = StrictMath.sqrt(2 * exponential(random));
    return radius * StrictMath.cos(TWO_PI * random.nextDouble());
  }

  /** A positive draw around {@code median}; {@code spread} is the standard deviation of its log. */
  static double logNormal(SplittableRandom random, double median, double spread) {
    return median * StrictMath.exp(spread * gaussian(random));
  }

  static double between(SplittableRandom random, double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  /** Fisher-Yates, in place. */
  static void shuffle(SplittableRandom random, int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swapped = values[i];
      values[i] = values[j];
      values[j] = swapped;
    }
  }
}
