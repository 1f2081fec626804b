package dev.concierge.offline.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A shopper's hidden tastes, fixed for the whole run: that persistence is what makes later
 * behaviour predictable from earlier behaviour.
 */
final class ShopperTraits {

  private static final int MAX_FAVOURITE_CATEGORIES = 3;
  /** Share of category choices that wander outside the favourites, uniformly over all categories. */
  private static final double EXPLORE_SHARE = 0.15;
  /**
   * Range of the price tolerance: the standard deviation, on the log scale, of the prices a shopper
   * likes around their own level. 0.3 is picky (about +-35%), 0.9 is relaxed (about x2.5).
   */
  private static final double MIN_PRICE_TOLERANCE = 0.3;
  private static final double MAX_PRICE_TOLERANCE = 0.9;
  /** Price fit never drops below this: shoppers still glance at items outside their range. */
  private static final double OUT_OF_RANGE_FIT = 0.1;
  /** Appeal of an item outside the favourites, relative to one in the top favourite category. */
  private static final double NON_FAVOURITE_APPEAL = 0.3;
  /** Log-normal spread of activity: a few shoppers do many times the median's events. */
  private static final double ACTIVITY_SPREAD = 1.0;
  private static final double MEDIAN_ACTIVITY = 1.0;
  private static final double MEDIAN_SESSION_EVENTS = 8;
  private static final double SESSION_EVENTS_SPREAD = 0.4;
  /**
   * The price fit's bell curve, tabulated: it is evaluated for every item a shopper considers, and
   * computing it each time costs more than all the rest of the simulation together.
   */
  private static final int BELL_STEPS_PER_SD = 64;
  private static final int BELL_RANGE_SD = 8;
  private static final double[] BELL = bell();

  private final int[] favourites;
  /** Share of each favourite among the favourites, Dirichlet(1, ..., 1) distributed. */
  private final double[] favouriteShares;
  private final double topShare;
  private final int categoryCount;
  private final double logPriceLevel;
  private final double priceTolerance;
  private final double activity;
  private final double meanSessionEvents;

  private ShopperTraits(
      int[] favourites,
      double[] favouriteShares,
      int categoryCount,
      double logPriceLevel,
      double priceTolerance,
      double activity,
      double meanSessionEvents) {
    this.favourites = favourites;
    this.favouriteShares = favouriteShares;
    this.categoryCount = categoryCount;
    this.logPriceLevel = logPriceLevel;
    this.priceTolerance = priceTolerance;
    this.activity = activity;
    this.meanSessionEvents = meanSessionEvents;
    double top = 0;
    for (double share : favouriteShares) {
      top = Math.max(top, share);
    }
    this.topShare = top;
  }

  static ShopperTraits draw(SplittableRandom random, Assortment assortment) {
    int categoryCount = assortment.categoryCount();
    int[] categories = new int[categoryCount];
    for (int c = 0; c < categoryCount; c++) {
      categories[c] = c;
    }
    Draws.shuffle(random, categories);
    int favouriteCount = 1 + random.nextInt(Math.min(MAX_FAVOURITE_CATEGORIES, categoryCount));
    int[] favourites = Arrays.copyOf(categories, favouriteCount);
    // normalised exponential draws are a Dirichlet(1, ..., 1) sample
    double[] shares = new double[favouriteCount];
    double sum = 0;
    for (int f = 0; f < favouriteCount; f++) {
      shares[f] = Draws.exponential(random);
      sum += shares[f];
    }
    for (int f = 0; f < favouriteCount; f++) {
      shares[f] /= sum;
    }
    return new ShopperTraits(
        favourites,
        shares,
        categoryCount,
        Draws.between(random, assortment.minLogPrice(), assortment.maxLogPrice()),
        Draws.between(random, MIN_PRICE_TOLERANCE, MAX_PRICE_TOLERANCE),
        Draws.logNormal(random, MEDIAN_ACTIVITY, ACTIVITY_SPREAD),
        Draws.logNormal(random, MEDIAN_SESSION_EVENTS, SESSION_EVENTS_SPREAD));
  }

  /** How much of the run's events this shopper produces, relative to the others. */
  double activity() {
    return activity;
  }

  double meanSessionEvents() {
    return meanSessionEvents;
  }

  /** The category to browse next: mostly a favourite, by its share; sometimes any category. */
  int pickCategory(SplittableRandom random) {
    if (Draws.chance(random, EXPLORE_SHARE)) {
      return random.nextInt(categoryCount);
    }
    double target = random.nextDouble();
    for (int f = 0; f < favourites.length - 1; f++) {
      target -= favouriteShares[f];
      if (target < 0) {
        return favourites[f];
      }
    }
    return favourites[favourites.length - 1];
  }

  /** In (0, 1]: 1 at the shopper's price level, falling off as a bell curve on the log scale. */
  double priceFit(double logPrice) {
    double distance = Math.abs(logPrice - logPriceLevel) / priceTolerance;
    int step = (int) Math.round(distance * BELL_STEPS_PER_SD);
    return OUT_OF_RANGE_FIT + (1 - OUT_OF_RANGE_FIT) * (step < BELL.length ? BELL[step] : 0);
  }

  /** In (0, 1]: how likely the shopper is to act on an item, by its category and its price fit. */
  double appeal(int category, double priceFit) {
    return priceFit * (NON_FAVOURITE_APPEAL + (1 - NON_FAVOURITE_APPEAL) * affinity(category));
  }

  /** The category's share relative to the top favourite: 1 for it, 0 outside the favourites. */
  private double affinity(int category) {
    for (int f = 0; f < favourites.length; f++) {
      if (favourites[f] == category) {
        return favouriteShares[f] / topShare;
      }
    }
    return 0;
  }

  private static double[] bell() {
    double[] bell = new double[BELL_RANGE_SD * BELL_STEPS_PER_SD + 1];
    for (int step = 0; step < bell.length; step++) {
      double distance = (double) step / BELL_STEPS_PER_SD;
      bell[step] = StrictMath.exp(-distance * distance / 2);
    }
    return bell;
  }
}
