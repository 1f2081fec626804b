package dev.concierge.offline.simulation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated shoppers behave, read from {@code concierge.simulation}: the shape of their
 * latent tastes and of item popularity, and how often they buy without browsing, re-buy consumables
 * or wander at random.
 *
 * @param factors                 latent taste factors of every shopper and item
 * @param tasteStrength           the standard deviation of a shopper's taste scores over the catalog
 * @param categoryShare           share of an item's taste factors that its category gives it
 * @param clusterShare            share that its hidden cluster of related items gives it
 * @param popularityExponent      Zipf exponent: the item of popularity rank r draws as 1 / r^exponent
 * @param directPurchaseShare     share of sessions that open with buying an item picked by taste, unseen
 * @param consumableCategoryShare share of categories whose items are consumables, re-bought over time
 * @param rebuyInterval           the median time until a consumable is due again
 * @param rebuyChance             chance that a session starts with re-buying a consumable that is due
 * @param noiseShare              share of moves to an item picked at random, whatever the taste
 */
public record ShopperBehaviour(
    int factors,
    double tasteStrength,
    double categoryShare,
    double clusterShare,
    double popularityExponent,
    double directPurchaseShare,
    double consumableCategoryShare,
    Duration rebuyInterval,
    double rebuyChance,
    double noiseShare) {

  /** The defaults of {@code reference.conf}. */
  public static final ShopperBehaviour DEFAULT =
      fromConfig(ConfigFactory.defaultReference().getConfig("concierge"));

  public ShopperBehaviour {
    Objects.requireNonNull(rebuyInterval, "rebuyInterval");
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be at least 1, was " + factors);
    }
    requireAtLeastZero("taste-strength", tasteStrength);
    requireAtLeastZero("popularity-exponent", popularityExponent);
    requireShare("category-share", categoryShare);
    requireShare("cluster-share", clusterShare);
    if (categoryShare + clusterShare > 1) {
      throw new IllegalArgumentException(
          "category-share and cluster-share must add up to at most 1, were " + categoryShare + " and " + clusterShare);
    }
    requireShare("direct-purchase-share", directPurchaseShare);
    requireShare("consumable-category-share", consumableCategoryShare);
    requireShare("rebuy-chance", rebuyChance);
    requireShare("noise-share", noiseShare);
    if (rebuyInterval.isNegative() || rebuyInterval.isZero()) {
      throw new IllegalArgumentException("rebuy-interval must be positive, was " + rebuyInterval);
    }
  }

  /** @param concierge the {@code concierge} section of the configuration */
  public static ShopperBehaviour fromConfig(Config concierge) {
    Config simulation = concierge.getConfig("simulation");
    return new ShopperBehaviour(
        simulation.getInt("factors"),
        simulation.getDouble("taste-strength"),
        simulation.getDouble("category-share"),
        simulation.getDouble("cluster-share"),
        simulation.getDouble("popularity-exponent"),
        simulation.getDouble("direct-purchase-share"),
        simulation.getDouble("consumable-category-share"),
        simulation.getDuration("rebuy-interval"),
        simulation.getDouble("rebuy-chance"),
        simulation.getDouble("noise-share"));
  }

  public ShopperBehaviour withFactors(int value) {
    return new ShopperBehaviour(value, tasteStrength, categoryShare, clusterShare, popularityExponent,
        directPurchaseShare, consumableCategoryShare, rebuyInterval, rebuyChance, noiseShare);
  }

  public ShopperBehaviour withDirectPurchaseShare(double value) {
    return new ShopperBehaviour(factors, tasteStrength, categoryShare, clusterShare, popularityExponent,
        value, consumableCategoryShare, rebuyInterval, rebuyChance, noiseShare);
  }

  public ShopperBehaviour withNoiseShare(double value) {
    return new ShopperBehaviour(factors, tasteStrength, categoryShare, clusterShare, popularityExponent,
        directPurchaseShare, consumableCategoryShare, rebuyInterval, rebuyChance, value);
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }

  private static void requireAtLeastZero(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number of at least 0, was " + value);
    }
  }
}
