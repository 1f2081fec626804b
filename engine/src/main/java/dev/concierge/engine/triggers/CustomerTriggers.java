package dev.concierge.engine.triggers;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.StockAwaited;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.triggers.DueTriggers;
import dev.concierge.models.triggers.TriggerRules;
import dev.concierge.models.triggers.TriggerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every customer's actor needs of the delivery triggers: the rules, the questions it asks them
 * (what to persist, what is due, when to look again) and where firings are published. The actor itself
 * only arms timers and persists; the answers come from the pure {@link DueTriggers}.
 *
 * @param recommendations how many recommendations a trigger record carries
 */
public record CustomerTriggers(TriggerRules rules, int recommendations, TriggerLog log) {

  public static final CustomerTriggers OFF = new CustomerTriggers(TriggerRules.OFF, 1, TriggerLog.NONE);

  public boolean enabled() {
    return rules.anyEnabled();
  }

  public TriggerState emptyState() {
    return new TriggerState(rules.maxTracked());
  }

  /** The carted items the catalog has out of stock now, to be awaited: persisted with the cart events. */
  public List<StockAwaited> stockToAwait(List<EventRecorded> recorded, Catalog catalog) {
    if (!rules.backInStock().enabled()) {
      return List.of();
    }
    List<StockAwaited> awaited = new ArrayList<>();
    for (EventRecorded event : recorded) {
      CatalogItem item = catalog.item(event.event().itemId());
      if (event.event().type() == EventType.ADD_TO_CART && item != null && !item.inStock()) {
        awaited.add(new StockAwaited(item.itemId()));
      }
    }
    return awaited;
  }

  public List<TriggerFired> due(TriggerState state, Instant now, Catalog catalog) {
    return DueTriggers.at(state, rules, now, itemId -> {
      CatalogItem item = catalog.item(itemId);
      return item != null && item.inStock();
    });
  }

  /** How long until the open cart is worth a look, if it is. */
  public Optional<Duration> untilCartCheck(TriggerState state, Instant now) {
    return DueTriggers.nextCartCheck(state, rules).map(at -> Duration.between(now, at).isNegative()
        ? Duration.ZERO
        : Duration.between(now, at));
  }

  /** How often to look at the catalog's stock, while the customer awaits some. */
  public Optional<Duration> stockCheckEvery(TriggerState state) {
    return DueTriggers.checksStock(state, rules) ? Optional.of(rules.backInStock().checkEvery()) : Optional.empty();
  }

  /** The decision a trigger record carries: the shopper's top items, as a storefront would ask. */
  public DecisionQuery query(String customerId) {
    return new DecisionQuery(customerId, recommendations, null, List.of(), Set.of());
  }
}
