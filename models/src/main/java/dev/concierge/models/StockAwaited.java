package dev.concierge.models;

import java.util.Objects;

/**
 * The journal event of an item carted while the catalog had it out of stock: persisted with the cart
 * event, because the catalog a recovery sees is today's, not the one of the moment the item was carted.
 */
public record StockAwaited(String itemId) implements JournalEvent {

  public StockAwaited {
    Objects.requireNonNull(itemId, "itemId");
  }
}
