package dev.concierge.benchmarks;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventRecorded;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import java.util.List;

/**
 * A storefront's history from {@link ShopperSimulation} over the demo catalog, in time order, each event
 * recorded with its item's category as {@code CustomerEntity} journals it.
 */
public record SimulatedHistory(List<CatalogItem> items, Catalog catalog, List<EventRecorded> events) {

  public SimulatedHistory {
    items = List.copyOf(items);
    events = List.copyOf(events);
  }

  public static SimulatedHistory generate(int catalogItems, long catalogSeed, SimulationSettings settings) {
    List<CatalogItem> items = DemoCatalog.generate(catalogItems, catalogSeed);
    Catalog catalog = Catalog.of(items);
    List<EventRecorded> events =
        ShopperSimulation.of(settings, items).stream()
            .map(event -> new EventRecorded(event, catalog.categoryOf(event.itemId())))
            .toList();
    return new SimulatedHistory(items, catalog, events);
  }
}
