package dev.concierge.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic catalog for demos and tests: the same items for the same seed. Popularity follows a
 * Zipf-like curve, as real sales do, so a handful of items dominate each category.
 */
public final class DemoCatalog {

  private static final String[] CATEGORIES = {
    "shoes", "tents", "backpacks", "jackets", "socks", "sleeping-bags", "stoves", "headlamps",
    "trekking-poles", "water-bottles", "gloves", "hats", "base-layers", "rain-gear", "maps",
    "first-aid", "climbing", "cycling", "swimwear", "yoga"
  };
  private static final String[] ADJECTIVES = {
    "Trail", "Summit", "Ridge", "Alpine", "Canyon", "Glacier", "Forest", "Desert", "Coastal", "Urban"
  };
  private static final double OUT_OF_STOCK_SHARE = 0.05;

  private DemoCatalog() {}

  public static List<String> categories() {
    return List.of(CATEGORIES);
  }

  /** {@code size} items spread evenly over the categories, with ids {@code sku-1..sku-size}. */
  public static List<CatalogItem> generate(int size, long seed) {
    Random random = new Random(seed);
    List<CatalogItem> items = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      String category = CATEGORIES[(i - 1) % CATEGORIES.length];
      int rankInCategory = (i - 1) / CATEGORIES.length + 1;
      double popularity = Math.round(10_000.0 / rankInCategory * (0.5 + random.nextDouble())) / 10.0;
      double price = Math.round((5 + random.nextDouble() * 295) * 100) / 100.0;
      boolean inStock = random.nextDouble() >= OUT_OF_STOCK_SHARE;
      String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + category + " #" + rankInCategory;
      items.add(new CatalogItem("sku-" + i, category, price, inStock, title, popularity));
    }
    return items;
  }
}
