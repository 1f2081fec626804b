package dev.concierge.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of {@link CatalogChange}s made whole against the catalog they change: each partial change
 * merged with the item as the catalog holds it, or as an earlier change of the same list left it. All
 * or nothing: a partial change of an item that neither knows is refused, and nothing of the list is kept.
 */
public final class CatalogEdits {

  private CatalogEdits() {}

  /** What a list of changes comes to: the records to write, or the first change that cannot apply. */
  public sealed interface Outcome {}

  /**
   * @param writes  per change, in order: the whole item to write, or null for a deletion (the tombstone)
   * @param created changes that add an item the catalog did not hold
   * @param updated changes to an item it held
   * @param deleted deletions
   */
  public record Resolved(List<Write> writes, int created, int updated, int deleted) implements Outcome {}

  /** @param index the refused change's position in the list, from 0 */
  public record Refused(int index, String reason) implements Outcome {}

  /** One record for the catalog topic: {@code item} null is the tombstone that deletes {@code itemId}. */
  public record Write(String itemId, CatalogItem item) {}

  public static Outcome resolve(Catalog catalog, List<CatalogChange> changes) {
    // the items as the changes so far left them; a key mapped to null is an item deleted by this list
    Map<String, CatalogItem> touched = new HashMap<>();
    List<Write> writes = new ArrayList<>(changes.size());
    int created = 0;
    int updated = 0;
    int deleted = 0;
    for (int i = 0; i < changes.size(); i++) {
      CatalogChange change = changes.get(i);
      String itemId = change.itemId();
      CatalogItem current = touched.containsKey(itemId) ? touched.get(itemId) : catalog.item(itemId);
      if (change instanceof CatalogChange.Removal) {
        touched.put(itemId, null);
        writes.add(new Write(itemId, null));
        deleted++;
        continue;
      }
      CatalogItem next = ((CatalogChange.Upsert) change).onto(current).orElse(null);
      if (next == null) {
        return new Refused(i, "item '" + itemId + "' is not in the catalog, so it needs its field 'category'"
            + " (and whichever of price, inStock, title and popularity should not take their defaults)");
      }
      if (current == null) {
        created++;
      } else {
        updated++;
      }
      touched.put(itemId, next);
      writes.add(new Write(itemId, next));
    }
    return new Resolved(List.copyOf(writes), created, updated, deleted);
  }
}
