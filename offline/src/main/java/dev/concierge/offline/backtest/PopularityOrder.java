package dev.concierge.offline.backtest;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.recommend.CandidateTables;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The whole in-stock catalog in the order of a history's popularity: what the baselines rank from. */
final class PopularityOrder {

  private PopularityOrder() {}

  /**
   * Most popular in {@code tables} first; items the tables never saw follow by id, so the order is the
   * same every run. Out-of-stock items are left out, as the default business rules leave them out of
   * every served answer.
   */
  static List<String> of(CandidateTables tables, Catalog catalog) {
    Map<String, Double> popularity = tables.popularity();
    Comparator<CatalogItem> byPopularity =
        Comparator.<CatalogItem>comparingDouble(item -> popularity.getOrDefault(item.itemId(), 0.0)).reversed()
            .thenComparing(CatalogItem::itemId);
    return catalog.mostPopular().stream()
        .filter(CatalogItem::inStock)
        .sorted(byPopularity)
        .map(CatalogItem::itemId)
        .toList();
  }
}
