package dev.concierge.models;

import java.util.Objects;

/**
 * One sellable item from the compacted {@code catalog} topic.
 *
 * @param popularity how well the item sells across all shoppers; higher is more popular. Optional on
 *     the wire (0 when absent), it orders the popular-items candidates and the fallback answer.
 */
public record CatalogItem(
    String itemId, String category, double price, boolean inStock, String title, double popularity) {

  /** The category of an item nobody filed: from a catalog without categories, or known only from history. */
  public static final String UNKNOWN_CATEGORY = "unknown";

  public CatalogItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(category, "category");
    title = title == null ? "" : title;
  }
}
