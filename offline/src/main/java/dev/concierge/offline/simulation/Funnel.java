package dev.concierge.offline.simulation;

import dev.concierge.models.EventType;
import java.util.SplittableRandom;

/**
 * The purchase funnel, view, click, add_to_cart, purchase: each step is likelier the more the item
 * appeals to the shopper, so the funnel itself carries the shopper's tastes.
 */
final class Funnel {

  private static final double CLICK_BASE = 0.08;
  private static final double CLICK_PER_APPEAL = 0.42;
  private static final double CART_BASE = 0.1;
  private static final double CART_PER_APPEAL = 0.5;
  /** Checkout depends on the price alone: the shopper already showed interest by carting. */
  private static final double PURCHASE_BASE = 0.3;
  private static final double PURCHASE_PER_PRICE_FIT = 0.45;
  /** Chance of each further unit in a cart: most carts hold one unit, a few several. */
  private static final double EXTRA_UNIT_CHANCE = 0.15;

  private Funnel() {}

  /**
   * The shopper's next event on the item that just got {@code done}; {@link EventType#VIEW} means
   * they leave it and view another item. Items that are not {@code cartable} (out of stock, say)
   * go no further than a click.
   */
  static EventType next(EventType done, double appeal, double priceFit, boolean cartable, SplittableRandom random) {
    return switch (done) {
      case VIEW -> Draws.chance(random, CLICK_BASE + CLICK_PER_APPEAL * appeal) ? EventType.CLICK : EventType.VIEW;
      case CLICK -> cartable && Draws.chance(random, CART_BASE + CART_PER_APPEAL * appeal)
          ? EventType.ADD_TO_CART
          : EventType.VIEW;
      case ADD_TO_CART -> Draws.chance(random, PURCHASE_BASE + PURCHASE_PER_PRICE_FIT * priceFit)
          ? EventType.PURCHASE
          : EventType.VIEW;
      case PURCHASE -> EventType.VIEW;
    };
  }

  static int quantity(SplittableRandom random) {
    int units = 1;
    while (Draws.chance(random, EXTRA_UNIT_CHANCE)) {
      units++;
    }
    return units;
  }
}
