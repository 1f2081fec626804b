package dev.concierge.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the catalog's popular items for one shopper: candidates are the most popular items overall
 * plus the most popular in the shopper's favourite categories; each is scored by a mix of relative
 * popularity and the shopper's affinity for its category. Items already bought, out of stock, on the
 * current page or excluded by the caller never appear.
 */
public final class PopularityAffinityRanker {

  private static final Comparator<RankedItem> BEST_FIRST =
      Comparator.comparingDouble(RankedItem::score).reversed().thenComparing(RankedItem::itemId);

  private final RankingSettings settings;

  public PopularityAffinityRanker(RankingSettings settings) {
    this.settings = settings;
  }

  public List<RankedItem> rank(Catalog catalog, ShopperProfile shopper, DecisionQuery query) {
    List<RankedItem> ranked = new ArrayList<>();
    for (CatalogItem item : candidates(catalog, shopper, query).values()) {
      ranked.add(score(catalog, shopper, item));
    }
    ranked.sort(BEST_FIRST);
    return ranked.size() > query.limit() ? List.copyOf(ranked.subList(0, query.limit())) : ranked;
  }

  private Map<String, CatalogItem> candidates(Catalog catalog, ShopperProfile shopper, DecisionQuery query) {
    Map<String, CatalogItem> pool = new LinkedHashMap<>();
    if (!query.candidates().isEmpty()) {
      for (String itemId : query.candidates()) {
        CatalogItem item = catalog.item(itemId);
        if (item != null && isEligible(item, shopper, query)) {
          pool.put(itemId, item);
        }
      }
      return pool;
    }
    int perSource = Math.max(settings.poolPerSource(), query.limit());
    addTop(pool, catalog.mostPopular(), perSource, shopper, query);
    int favourites = 0;
    for (String category : shopper.topCategories()) {
      if (favourites++ == settings.favouriteCategories()) {
        break;
      }
      addTop(pool, catalog.mostPopularIn(category), perSource, shopper, query);
    }
    return pool;
  }

  /** Adds the first {@code count} eligible items of {@code source}, so filtering never shrinks the answer. */
  private static void addTop(
      Map<String, CatalogItem> pool, List<CatalogItem> source, int count, ShopperProfile shopper, DecisionQuery query) {
    int added = 0;
    for (int i = 0; i < source.size() && added < count; i++) {
      CatalogItem item = source.get(i);
      if (isEligible(item, shopper, query)) {
        pool.putIfAbsent(item.itemId(), item);
        added++;
      }
    }
  }

  private static boolean isEligible(CatalogItem item, ShopperProfile shopper, DecisionQuery query) {
    return item.inStock()
        && !item.itemId().equals(query.contextItemId())
        && !query.exclude().contains(item.itemId())
        && !shopper.hasPurchased(item.itemId());
  }

  private RankedItem score(Catalog catalog, ShopperProfile shopper, CatalogItem item) {
    double popularity = catalog.relativePopularity(item);
    double affinity = shopper.affinityFor(item.category());
    double score = (1 - settings.affinityWeight()) * popularity + settings.affinityWeight() * affinity;
    List<String> reasons = new ArrayList<>(2);
    if (affinity > 0) {
      reasons.add("matches your interest in " + item.category() + " (" + percent(affinity) + " of your activity)");
    }
    reasons.add("popular: " + percent(popularity) + " of the best seller's popularity");
    return new RankedItem(item.itemId(), score, reasons);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
