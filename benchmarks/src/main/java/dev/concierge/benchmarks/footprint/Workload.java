package dev.concierge.benchmarks.footprint;

import com.typesafe.config.Config;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.Vocabulary;
import java.util.List;

/**
 * What every measured customer shares, as on a node: the production settings, one vocabulary that
 * already knows the whole catalog (so that learning codes is not counted as a customer's heap), and the
 * history generator.
 */
record Workload(
    CustomerSettings settings,
    List<CatalogItem> catalog,
    Vocabulary vocabulary,
    FullHistory history,
    int eventsPerEntity) {

  /** Events per customer: just enough to fill every bounded list of the configured feature state. */
  static final int FILL = -1;
  /** A mid-sized shop: far more items than any customer list holds. */
  static final int CATALOG_ITEMS = 50_000;
  private static final long CATALOG_SEED = 42;

  /** @param eventsPerEntity events per customer, or {@link #FILL} */
  static Workload fromConfig(Config concierge, int eventsPerEntity) {
    CustomerSettings settings = CustomerSettings.fromConfig(concierge);
    List<CatalogItem> catalog = DemoCatalog.generate(CATALOG_ITEMS, CATALOG_SEED);
    List<String> categories = DemoCatalog.categories();
    if (categories.size() < settings.features().affinityCategoriesLimit()) {
      throw new IllegalStateException("the demo catalog has fewer categories than affinity tracks; lists cannot fill");
    }
    Vocabulary vocabulary =
        new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories"));
    for (CatalogItem item : catalog) {
      vocabulary.items().intern(item.itemId());
      vocabulary.categories().intern(item.category());
    }
    int events = eventsPerEntity == FILL ? FullHistory.eventsToFill(settings) : eventsPerEntity;
    return new Workload(settings, catalog, vocabulary, new FullHistory(catalog, categories), events);
  }
}
