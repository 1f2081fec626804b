package dev.concierge.offline.replay;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.EventRecorded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog a history implies, for tools run without one: every item an event names, filed under the
 * category recorded with its latest event that has one (the journal records them), else
 * {@link CatalogItem#UNKNOWN_CATEGORY}, at the latest positive price its events carry, else 0. Items are in
 * stock, untitled, and have no catalog popularity: popularity comes from the history's own tables.
 */
public final class HistoryCatalog {

  private HistoryCatalog() {}

  public static Catalog of(Iterable<EventRecorded> history) {
    Map<String, Latest> items = new HashMap<>();
    for (EventRecorded recorded : history) {
      if (recorded.event().isMerge()) {
        continue;
      }
      Latest latest = items.computeIfAbsent(recorded.event().itemId(), id -> new Latest());
      if (recorded.category() != null) {
        latest.category = recorded.category();
      }
      Double price = recorded.event().price();
      if (price != null && Double.isFinite(price) && price > 0) {
        latest.price = price;
      }
    }
    List<CatalogItem> catalog = new ArrayList<>(items.size());
    items.forEach((itemId, latest) -> catalog.add(new CatalogItem(itemId, latest.category, latest.price, true, "", 0)));
    return Catalog.of(catalog);
  }

  /** What the events so far say about one item. */
  private static final class Latest {
    private String category = CatalogItem.UNKNOWN_CATEGORY;
    private double price;
  }
}
