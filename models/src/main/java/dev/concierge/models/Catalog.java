package dev.concierge.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of the catalog, indexed for candidate generation: every item by id, and the
 * items ordered by popularity, overall and per category. Updates build a new view, so readers on
 * other threads always see a consistent one.
 */
public final class Catalog {

  public static final Catalog EMPTY = new Catalog(Map.of());

  // codes learnt since CatalogCodes was built are looked up by name: rebuilt when they are an eighth
  private static final int REBUILD_AFTER_LEARNT_SHARE = 8;

  private static final Comparator<CatalogItem> MOST_POPULAR_FIRST =
      Comparator.comparingDouble(CatalogItem::popularity).reversed().thenComparing(CatalogItem::itemId);

  private final Map<String, CatalogItem> byId;
  private final List<CatalogItem> byPopularity;
  private final Map<String, List<CatalogItem>> byCategoryPopularity;
  private final double maxPopularity;
  // built on first use by a decision, again when the vocabulary learnt enough codes since
  private volatile CatalogCodes codes;

  private Catalog(Map<String, CatalogItem> byId) {
    this.byId = Map.copyOf(byId);
    List<CatalogItem> sorted = new ArrayList<>(byId.values());
    sorted.sort(MOST_POPULAR_FIRST);
    this.byPopularity = List.copyOf(sorted);
    Map<String, List<CatalogItem>> perCategory = new HashMap<>();
    for (CatalogItem item : sorted) {
      perCategory.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(item);
    }
    perCategory.replaceAll((category, items) -> List.copyOf(items));
    this.byCategoryPopularity = Map.copyOf(perCategory);
    this.maxPopularity = sorted.isEmpty() ? 0 : Math.max(0, sorted.get(0).popularity());
  }

  public static Catalog of(Collection<CatalogItem> items) {
    return EMPTY.withChanges(items, List.of());
  }

  /** A new view with {@code upserts} applied and {@code removals} (item ids) dropped. */
  public Catalog withChanges(Collection<CatalogItem> upserts, Collection<String> removals) {
    Map<String, CatalogItem> next = new HashMap<>(byId);
    for (CatalogItem item : upserts) {
      next.put(item.itemId(), item);
    }
    for (String itemId : removals) {
      next.remove(itemId);
    }
    return new Catalog(next);
  }

  public CatalogItem item(String itemId) {
    return byId.get(itemId);
  }

  /**
   * This catalog's items by the item codes of {@code vocabulary}. Built once per catalog and vocabulary
   * (again after the vocabulary grew by an eighth), then shared by every decision.
   */
  public CatalogCodes codes(Vocabulary vocabulary) {
    CatalogCodes current = codes;
    if (current == null || !current.serves(vocabulary) || current.isStale(REBUILD_AFTER_LEARNT_SHARE)) {
      current = CatalogCodes.of(this, vocabulary);
      codes = current;
    }
    return current;
  }

  /** The item's category, or null for an item the catalog does not hold, or none (a merge has no item). */
  public String categoryOf(String itemId) {
    if (itemId == null) {
      return null;
    }
    CatalogItem item = byId.get(itemId);
    return item == null ? null : item.category();
  }

  public int size() {
    return byId.size();
  }

  public List<CatalogItem> mostPopular() {
    return byPopularity;
  }

  public List<CatalogItem> mostPopularIn(String category) {
    return byCategoryPopularity.getOrDefault(category, List.of());
  }

  public int categoryCount() {
    return byCategoryPopularity.size();
  }

  /** Popularity scaled to [0, 1] against the most popular item. */
  public double relativePopularity(CatalogItem item) {
    return maxPopularity <= 0 ? 0 : Math.max(0, item.popularity()) / maxPopularity;
  }
}
