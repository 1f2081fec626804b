package dev.concierge.engine.catalog;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * This node's copy of the catalog. Readers (customer actors, the fallback path) get an immutable
 * {@link Catalog}; the single writer, the catalog consumer, swaps in a new one per batch.
 */
public final class CatalogView implements Supplier<Catalog> {

  private final Consumer<Catalog> onChange;
  private volatile Catalog current = Catalog.EMPTY;

  /** @param onChange told of every new view, on the consumer's thread */
  public CatalogView(Consumer<Catalog> onChange) {
    this.onChange = onChange;
  }

  @Override
  public Catalog get() {
    return current;
  }

  /** Applies one batch from the topic. Only the catalog consumer calls this, so no lost updates. */
  public Catalog apply(Collection<CatalogItem> upserts, Collection<String> removals) {
    current = current.withChanges(upserts, removals);
    onChange.accept(current);
    return current;
  }
}
