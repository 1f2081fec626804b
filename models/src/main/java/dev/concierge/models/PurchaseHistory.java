package dev.concierge.models;

/**
 * What the business rules ({@code dev.concierge.models.rules}) need to know of a shopper's purchases.
 * It lives here, beside {@link ShopperView}, which answers it, so that the rules depend on this
 * package and not the other way round.
 */
public interface PurchaseHistory {

  PurchaseHistory NONE =
      new PurchaseHistory() {
        @Override
        public boolean hasPurchased(String itemId) {
          return false;
        }

        @Override
        public boolean hasPurchasedIn(String category) {
          return false;
        }
      };

  boolean hasPurchased(String itemId);

  /** {@link #hasPurchased(String)} for an item whose shared code the caller knows ({@link Interner#UNKNOWN} if not). */
  default boolean hasPurchased(String itemId, int code) {
    return hasPurchased(itemId);
  }

  boolean hasPurchasedIn(String category);
}
