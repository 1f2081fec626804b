package dev.concierge.models;

import java.util.ArrayList;
import java.util.List;

/** A customer's compact state read through item and category names, for ranking and rules. */
public final class ShopperView implements PurchaseHistory {

  private final FeatureState state;
  private final Vocabulary vocabulary;

  public ShopperView(FeatureState state, Vocabulary vocabulary) {
    this.state = state;
    this.vocabulary = vocabulary;
  }

  /** Share of the shopper's interest in {@code category}, in [0, 1]. */
  public double affinityFor(String category) {
    return state.affinityFor(vocabulary.categories().codeOf(category));
  }

  @Override
  public boolean hasPurchased(String itemId) {
    return state.hasPurchased(state.codeOf(itemId, vocabulary));
  }

  /** Known codes are the customer's too: {@link FeatureState#adoptSharedCodes} ran for this decision. */
  @Override
  public boolean hasPurchased(String itemId, int code) {
    return code == Interner.UNKNOWN ? hasPurchased(itemId) : state.hasPurchased(code);
  }

  @Override
  public boolean hasPurchasedIn(String category) {
    return state.hasPurchasedIn(vocabulary.categories().codeOf(category));
  }

  /** Categories the shopper has shown interest in, strongest first (ties by name). */
  public List<String> topCategories() {
    List<String> names = new ArrayList<>(state.affinityCategoryCount());
    for (int slot = 0; slot < state.affinityCategoryCount(); slot++) {
      names.add(vocabulary.categories().nameOf(state.affinityCategoryAt(slot)));
    }
    names.sort((a, b) -> {
      int byShare = Double.compare(affinityFor(b), affinityFor(a));
      return byShare != 0 ? byShare : a.compareTo(b);
    });
    return names;
  }
}
