package dev.concierge.models;

import java.util.Objects;
import java.util.Optional;

/**
 * One change an operator sends for the catalog: fields of an item to set, or the item's deletion. A
 * change may name only some fields (a price, the stock), which then apply to the item as the catalog
 * holds it.
 */
public sealed interface CatalogChange {

  String itemId();

  /**
   * The fields to set; a null field keeps the current item's value, or the contract's default for a new
   * item. A new item needs its category.
   */
  record Upsert(String itemId, String category, Double price, Boolean inStock, String title, Double popularity)
      implements CatalogChange {

    public Upsert {
      Objects.requireNonNull(itemId, "itemId");
    }

    /** The item after this change, given the current one (null when the catalog has none); empty when a new item lacks its category. */
    public Optional<CatalogItem> onto(CatalogItem current) {
      if (current == null) {
        return category == null
            ? Optional.empty()
            : Optional.of(new CatalogItem(itemId, category, orElse(price, 0.0), orElse(inStock, true),
                orElse(title, ""), orElse(popularity, 0.0)));
      }
      return Optional.of(new CatalogItem(
          itemId,
          orElse(category, current.category()),
          orElse(price, current.price()),
          orElse(inStock, current.inStock()),
          orElse(title, current.title()),
          orElse(popularity, current.popularity())));
    }

    private static <T> T orElse(T value, T otherwise) {
      return value == null ? otherwise : value;
    }
  }

  /** The item leaves the catalog; deleting an item the catalog does not hold is allowed and changes nothing. */
  record Removal(String itemId) implements CatalogChange {
    public Removal {
      Objects.requireNonNull(itemId, "itemId");
    }
  }
}
