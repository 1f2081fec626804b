package dev.concierge.models;

import java.util.List;

/** What ranking needs to know about a shopper. */
public interface ShopperProfile {

  /** A shopper the engine knows nothing about: ranking falls back to popularity. */
  ShopperProfile ANONYMOUS =
      new ShopperProfile() {
        @Override
        public double affinityFor(String category) {
          return 0;
        }

        @Override
        public boolean hasPurchased(String itemId) {
          return false;
        }

        @Override
        public Iterable<String> topCategories() {
          return List.of();
        }
      };

  /** Share of the shopper's interest in {@code category}, in [0, 1]. */
  double affinityFor(String category);

  boolean hasPurchased(String itemId);

  /** Categories the shopper has shown interest in, strongest first. */
  Iterable<String> topCategories();
}
