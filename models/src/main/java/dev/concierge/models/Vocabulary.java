package dev.concierge.models;

/**
 * The item and category codes one process uses in compact customer state. Live nodes share one;
 * offline replay makes its own. Both apply the same feature function, so codes never change a result.
 * It learns the items and categories of the catalog and of model bundles only: a customer's items that
 * no catalog held get codes of that customer's own ({@link FeatureState}), so that what clients send
 * cannot grow it.
 */
public final class Vocabulary {

  private final Interner items;
  private final Interner categories;

  public Vocabulary(int maxItems, int maxCategories) {
    this.items = new Interner(maxItems);
    this.categories = new Interner(maxCategories);
  }

  public Interner items() {
    return items;
  }

  public Interner categories() {
    return categories;
  }
}
