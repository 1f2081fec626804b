package dev.concierge.models.rules;

/** What the business rules need to know of a shopper's purchases. */
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

  boolean hasPurchasedIn(String category);
}
