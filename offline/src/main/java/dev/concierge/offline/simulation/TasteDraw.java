package dev.concierge.offline.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the latent tastes. An item's factors mix its category's, its hidden cluster's and its own,
 * so that a shopper who likes one tent tends to like the other tents, and its neighbours most. Each
 * part has unit expected length, so a shopper's taste scores spread with the taste strength.
 */
final class TasteDraw {

  /**
   * Range of the price tolerance: the standard deviation, on the log scale, of the prices a shopper
   * likes around their own level. 0.3 is picky (about +-35%), 0.9 is relaxed (about x2.5).
   */
  private static final double MIN_PRICE_TOLERANCE = 0.3;
  private static final double MAX_PRICE_TOLERANCE = 0.9;

  private TasteDraw() {}

  static LatentTastes draw(Assortment assortment, ShopperBehaviour behaviour, int customers, SplittableRandom random) {
    int factors = behaviour.factors();
    double[] categories = directions(assortment.categoryCount(), factors, random);
    ItemClusters clusters = assortment.clusters();
    double[] clusterDirections = directions(clusters.clusterCount(), factors, random);
    double categoryWeight = StrictMath.sqrt(behaviour.categoryShare());
    double clusterWeight = StrictMath.sqrt(behaviour.clusterShare());
    double ownWeight = StrictMath.sqrt(Math.max(0, 1 - behaviour.categoryShare() - behaviour.clusterShare()));
    int items = assortment.size();
    double[] itemFactors = directions(items, factors, random);
    List<String> itemIds = new ArrayList<>(items);
    for (int item = 0; item < items; item++) {
      int category = assortment.categoryOf(item);
      int cluster = clusters.clusterOfItem(item);
      for (int f = 0; f < factors; f++) {
        itemFactors[item * factors + f] = categoryWeight * categories[category * factors + f]
            + clusterWeight * clusterDirections[cluster * factors + f]
            + ownWeight * itemFactors[item * factors + f];
      }
      itemIds.add(assortment.item(item).itemId());
    }

    double[] logPrice = assortment.logPrices();
    double minLogPrice = Arrays.stream(logPrice).min().orElseThrow();
    double maxLogPrice = Arrays.stream(logPrice).max().orElseThrow();
    double[] shopperFactors = new double[customers * factors];
    double[] logPriceLevel = new double[customers];
    double[] priceTolerance = new double[customers];
    List<String> customerIds = new ArrayList<>(customers);
    for (int shopper = 0; shopper < customers; shopper++) {
      for (int f = 0; f < factors; f++) {
        shopperFactors[shopper * factors + f] = behaviour.tasteStrength() * Draws.gaussian(random);
      }
      logPriceLevel[shopper] = Draws.between(random, minLogPrice, maxLogPrice);
      priceTolerance[shopper] = Draws.between(random, MIN_PRICE_TOLERANCE, MAX_PRICE_TOLERANCE);
      customerIds.add(ShopperActivity.customerId(shopper));
    }
    return new LatentTastes(factors, itemIds, itemFactors, assortment.popularities(), logPrice, customerIds,
        shopperFactors, logPriceLevel, priceTolerance);
  }

  /** {@code count} random vectors of {@code factors} coordinates, each N(0, 1 / factors): unit length on average. */
  private static double[] directions(int count, int factors, SplittableRandom random) {
    double scale = 1 / StrictMath.sqrt(factors);
    double[] vectors = new double[count * factors];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = scale * Draws.gaussian(random);
    }
    return vectors;
  }
}
