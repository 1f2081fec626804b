package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogCodes;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Interner;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;

/**
 * Finds the items worth scoring for one shopper: the request's own candidates, or the items other
 * customers touched with the shopper's items and those nearest to them by taste, neighbours of what
 * the shopper touched in sessions and of the current page, the popular items of the shopper's favourite
 * categories and of the page's category, the best sellers, and what is trending. Serving and
 * training both use it, so a model learns to rank the candidates it will be given.
 */
final class CandidateGenerator {

  private final Recommender.Settings settings;

  CandidateGenerator(Recommender.Settings settings) {
    this.settings = settings;
  }

  /** The candidates of one decision, without repeats, all in the catalog. */
  Candidates generate(
      TableIndex tables, FeatureState state, Vocabulary vocabulary, Catalog catalog, TrendingItems trends,
      DecisionQuery query, DecisionFeatures features, DecisionScratch scratch) {
    Pool pool = new Pool(catalog.codes(vocabulary), vocabulary.items(), settings.candidatePool(), scratch);
    if (!query.candidates().isEmpty()) {
      query.candidates().forEach(pool::addItem);
      return pool.candidates;
    }
    // what the shopper touched lately: coming back to an item is the most common next step (the
    // customer's own codes, negative, name items the catalog does not hold, and are left out)
    for (int recent : state.recentItemCodes()) {
      if (recent == FeatureState.EMPTY) {
        break;
      }
      pool.add(recent);
    }
    features.forEachCollaborative(settings.collaborative(), pool::add);
    features.forEachNeighbour(pool::add);
    for (String category : new ShopperView(state, vocabulary).topCategories()) {
      if (pool.categoriesOffered++ == settings.favouriteCategories()) {
        break;
      }
      pool.addAll(tables.mostPopularIn(vocabulary.categories().codeOf(category)), settings.popularPerCategory());
    }
    if (query.contextItemId() != null && catalog.item(query.contextItemId()) != null) {
      String category = catalog.item(query.contextItemId()).category();
      pool.addAll(tables.mostPopularIn(vocabulary.categories().codeOf(category)), settings.popularPerCategory());
    }
    pool.addAll(tables.mostPopular(), settings.popularOverall());
    if (trends != null) {
      pool.addAll(trends.top(), settings.trending());
    }
    return pool.candidates;
  }

  /** Candidates without repeats, up to the pool size; items the catalog does not hold are left out. */
  private static final class Pool {
    private final CatalogCodes catalog;
    private final Interner codes;
    private final int capacity;
    private final IntScores seen;
    private final Candidates candidates;
    private int categoriesOffered;

    Pool(CatalogCodes catalog, Interner codes, int capacity, DecisionScratch scratch) {
      this.catalog = catalog;
      this.codes = codes;
      this.capacity = capacity;
      this.seen = scratch.seen;
      this.candidates = scratch.candidates;
      seen.reset(capacity);
      candidates.clear();
    }

    void add(int code) {
      if (candidates.size() == capacity || code < 0 || seen.contains(code)) {
        return;
      }
      CatalogItem item = catalog.item(code);
      if (item != null) {
        seen.add(code, 0, code);
        candidates.add(item, code, catalog.categoryOf(item, code));
      }
    }

    /** A requested item: learnt only if the catalog holds it, so requests cannot fill the vocabulary. */
    void addItem(String itemId) {
      if (catalog.catalog().item(itemId) != null) {
        add(codes.intern(itemId));
      }
    }

    void addAll(int[] codesToAdd, int most) {
      for (int i = 0; i < codesToAdd.length && i < most; i++) {
        add(codesToAdd[i]);
      }
    }
  }
}
