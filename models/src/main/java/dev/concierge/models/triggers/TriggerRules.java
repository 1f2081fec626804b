package dev.concierge.models.triggers;

import java.time.Duration;

/**
 * The delivery-trigger rules of every customer, each with its own parameters and the minimum interval
 * between two of its firings for one customer.
 *
 * @param maxTracked how many items (carted, awaiting stock) and session categories a customer tracks
 *     at most: the oldest give way, so a customer's state stays bounded
 */
public record TriggerRules(
    CartAbandoned cartAbandoned, CategoryViewed categoryViewed, BackInStock backInStock, int maxTracked) {

  /** Items carted and, for {@code after} with no purchase and no other activity, not bought. */
  public record CartAbandoned(boolean enabled, Duration after, Duration expireAfter, Duration minInterval) {}

  /** One category viewed {@code times} times within one session. */
  public record CategoryViewed(boolean enabled, int times, Duration minInterval) {}

  /** Items carted while out of stock are in stock again, as the catalog says when checked. */
  public record BackInStock(boolean enabled, Duration checkEvery, Duration minInterval) {}

  /** No rule at all: the triggers are off. */
  public static final TriggerRules OFF = new TriggerRules(
      new CartAbandoned(false, Duration.ZERO, Duration.ZERO, Duration.ZERO),
      new CategoryViewed(false, 0, Duration.ZERO),
      new BackInStock(false, Duration.ZERO, Duration.ZERO),
      0);

  public boolean anyEnabled() {
    return cartAbandoned.enabled || categoryViewed.enabled || backInStock.enabled;
  }
}
