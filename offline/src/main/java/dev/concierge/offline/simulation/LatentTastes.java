package dev.concierge.offline.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulation's hidden truth: every shopper's and item's latent taste factors, each item's
 * popularity, and each shopper's price range. A shopper picks an item by taste, wherever the pick is
 * not tied to what they are browsing, with probability proportional to
 * {@code popularity × exp(taste) × priceFit}; {@link #utility} is the log of that weight, so ranking
 * by it is the best any model can do on such picks (the backtest's oracle).
 *
 * <p>Flat primitive arrays, because the simulation reads them for every event.
 */
public final class LatentTastes {

  /** Price fit never drops below this: shoppers still glance at items outside their range. */
  static final double OUT_OF_RANGE_FIT = 0.1;
  /**
   * The price fit's bell curve, tabulated: it is evaluated for every item a shopper considers, and
   * computing it each time costs more than all the rest of the simulation together.
   */
  private static final int BELL_STEPS_PER_SD = 64;
  private static final int BELL_RANGE_SD = 8;
  private static final double[] BELL = bell();

  private final int factors;
  private final List<String> itemIds;
  private final double[] itemFactors;
  private final double[] popularity;
  private final double[] logPrice;
  private final List<String> customerIds;
  private final double[] shopperFactors;
  private final double[] logPriceLevel;
  private final double[] priceTolerance;
  private final Map<String, Integer> itemIndex;
  private final Map<String, Integer> customerIndex;

  /**
   * @param itemFactors    {@code factors} per item, item after item, by catalog index
   * @param popularity     each item's share of popularity-driven picks; positive
   * @param logPrice       each item's log price
   * @param shopperFactors {@code factors} per shopper, shopper after shopper
   * @param logPriceLevel  the log of the price each shopper likes best
   * @param priceTolerance the standard deviation, on the log scale, of the prices each shopper likes
   */
  LatentTastes(
      int factors,
      List<String> itemIds,
      double[] itemFactors,
      double[] popularity,
      double[] logPrice,
      List<String> customerIds,
      double[] shopperFactors,
      double[] logPriceLevel,
      double[] priceTolerance) {
    int items = itemIds.size();
    int shoppers = customerIds.size();
    if (factors < 1 || itemFactors.length != items * factors || popularity.length != items || logPrice.length != items
        || shopperFactors.length != shoppers * factors || logPriceLevel.length != shoppers
        || priceTolerance.length != shoppers) {
      throw new IllegalArgumentException("latent tastes of " + items + " items and " + shoppers
          + " shoppers need " + factors + " factors each and one popularity, price and price range each");
    }
    this.factors = factors;
    this.itemIds = List.copyOf(itemIds);
    this.itemFactors = itemFactors;
    this.popularity = popularity;
    this.logPrice = logPrice;
    this.customerIds = List.copyOf(customerIds);
    this.shopperFactors = shopperFactors;
    this.logPriceLevel = logPriceLevel;
    this.priceTolerance = priceTolerance;
    this.itemIndex = indexOf(this.itemIds, "item");
    this.customerIndex = indexOf(this.customerIds, "customer");
  }

  public int factors() {
    return factors;
  }

  public int itemCount() {
    return itemIds.size();
  }

  public int shopperCount() {
    return customerIds.size();
  }

  public String itemId(int item) {
    return itemIds.get(item);
  }

  public String customerId(int shopper) {
    return customerIds.get(shopper);
  }

  /** The item's index, or -1 when the simulation had no such item. */
  public int itemIndex(String itemId) {
    return itemIndex.getOrDefault(itemId, -1);
  }

  /** The shopper's index, or -1 when the simulation had no such customer. */
  public int shopperIndex(String customerId) {
    return customerIndex.getOrDefault(customerId, -1);
  }

  /** How much the shopper likes the item for what it is: the dot product of their factors. */
  public double taste(int shopper, int item) {
    int s = shopper * factors;
    int i = item * factors;
    double sum = 0;
    for (int f = 0; f < factors; f++) {
      sum += shopperFactors[s + f] * itemFactors[i + f];
    }
    return sum;
  }

  /** In (0, 1]: 1 at the shopper's price level, falling off as a bell curve on the log scale. */
  public double priceFit(int shopper, int item) {
    double distance = Math.abs(logPrice[item] - logPriceLevel[shopper]) / priceTolerance[shopper];
    int step = (int) Math.round(distance * BELL_STEPS_PER_SD);
    return OUT_OF_RANGE_FIT + (1 - OUT_OF_RANGE_FIT) * (step < BELL.length ? BELL[step] : 0);
  }

  public double popularity(int item) {
    return popularity[item];
  }

  /** The log of the weight with which the shopper picks the item by taste: taste, popularity and price together. */
  public double utility(int shopper, int item) {
    return taste(shopper, item) + StrictMath.log(popularity[item]) + StrictMath.log(priceFit(shopper, item));
  }

  double itemFactor(int item, int factor) {
    return itemFactors[item * factors + factor];
  }

  double shopperFactor(int shopper, int factor) {
    return shopperFactors[shopper * factors + factor];
  }

  double logPrice(int item) {
    return logPrice[item];
  }

  double logPriceLevel(int shopper) {
    return logPriceLevel[shopper];
  }

  double priceTolerance(int shopper) {
    return priceTolerance[shopper];
  }

  private static Map<String, Integer> indexOf(List<String> ids, String what) {
    Map<String, Integer> index = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (index.put(ids.get(i), i) != null) {
        throw new IllegalArgumentException("the latent tastes list " + what + " '" + ids.get(i) + "' twice");
      }
    }
    return index;
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
