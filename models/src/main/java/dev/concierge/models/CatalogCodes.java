package dev.concierge.models;

/**
 * A catalog's items and their category codes by this node's item codes, so that a decision reads an
 * array where it would look a name up in a map, hundreds of times per decision.
 *
 * <p>It covers the codes the vocabulary had when it was built. A code learnt since (an item touched for
 * the first time) is answered by name, as before; {@link Catalog#codes} builds a new one once enough
 * codes were learnt. A category the vocabulary did not know at build time is looked up by name too, so
 * answers never depend on when this was built.
 */
public final class CatalogCodes {

  private static final int UNRESOLVED = -2;

  private final Catalog catalog;
  private final Vocabulary vocabulary;
  private final CatalogItem[] items;
  private final int[] categories;

  private CatalogCodes(Catalog catalog, Vocabulary vocabulary) {
    this.catalog = catalog;
    this.vocabulary = vocabulary;
    Interner names = vocabulary.items();
    int covered = names.size();
    this.items = new CatalogItem[covered];
    this.categories = new int[covered];
    for (int code = 0; code < covered; code++) {
      CatalogItem item = catalog.item(names.nameOf(code));
      items[code] = item;
      categories[code] = item == null ? Interner.UNKNOWN : categoryCode(item);
    }
  }

  static CatalogCodes of(Catalog catalog, Vocabulary vocabulary) {
    return new CatalogCodes(catalog, vocabulary);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The catalog's item with this shared code, or {@code null} when the catalog does not hold it. */
  public CatalogItem item(int code) {
    if (code < 0) {
      return null;
    }
    return code < items.length ? items[code] : catalog.item(vocabulary.items().nameOf(code));
  }

  /** The category code of {@code item}, which has the shared code {@code code}; {@link Interner#UNKNOWN} if none. */
  public int categoryOf(CatalogItem item, int code) {
    if (code >= 0 && code < categories.length && items[code] == item && categories[code] != UNRESOLVED) {
      return categories[code];
    }
    return vocabulary.categories().codeOf(item.category());
  }

  boolean serves(Vocabulary asked) {
    return asked == vocabulary;
  }

  /** Whether so many codes were learnt since this was built that it is worth building again. */
  boolean isStale(int learntShare) {
    int learnt = vocabulary.items().size() - items.length;
    return learnt > 0 && learnt >= Math.max(1, items.length / learntShare);
  }

  private int categoryCode(CatalogItem item) {
    int code = vocabulary.categories().codeOf(item.category());
    return code == Interner.UNKNOWN ? UNRESOLVED : code;
  }
}
