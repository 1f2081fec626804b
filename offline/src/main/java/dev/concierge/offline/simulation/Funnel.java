package dev.concierge.offline.simulation;

import java.util.SplittableRandom;

/**
 * The chances along the way to a purchase. Each step is likelier the more the item appeals to the
 * shopper (their taste for it and its price), so clicks, carts and purchases carry the shopper's
 * tastes, not merely what they happened to look at.
 */
final class Funnel {

  /**
   * An item the shopper picks from a listing (search results, a category page, recommendations) is
   * clicked, which opens its page, the likelier the more it appeals; otherwise they just look at it.
   */
  private static final double CLICK_BASE = 0.3;
  private static final double CLICK_PER_APPEAL = 0.6;
  private static final double CART_BASE = 0.02;
  private static final double CART_PER_APPEAL = 0.3;
  /** Checkout depends on the price alone: the shopper already showed interest by carting. */
  private static final double PURCHASE_BASE = 0.15;
  private static final double PURCHASE_PER_PRICE_FIT = 0.3;
  /** Chance of each further unit in a cart: most carts hold one unit, a few several. */
  private static final double EXTRA_UNIT_CHANCE = 0.15;

  private Funnel() {}

  /** Whether the shopper clicks an item of this appeal in a listing; an item reached at random has appeal 0. */
  static boolean clicksThrough(double appeal, SplittableRandom random) {
    return Draws.chance(random, CLICK_BASE + CLICK_PER_APPEAL * appeal);
  }

  /** Whether the shopper puts the item they are viewing into the cart. */
  static boolean carts(double appeal, SplittableRandom random) {
    return Draws.chance(random, CART_BASE + CART_PER_APPEAL * appeal);
  }

  /** Whether the shopper checks the carted item out. */
  static boolean buys(double priceFit, SplittableRandom random) {
    return Draws.chance(random, PURCHASE_BASE + PURCHASE_PER_PRICE_FIT * priceFit);
  }

  static int quantity(SplittableRandom random) {
    int units = 1;
    while (Draws.chance(random, EXTRA_UNIT_CHANCE)) {
      units++;
    }
    return units;
  }
}
