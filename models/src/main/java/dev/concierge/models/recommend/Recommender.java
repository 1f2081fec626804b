package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Interner;
import dev.concierge.models.RankedItem;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.RankedCandidate;
import dev.concierge.models.rules.RuleEngine;
import dev.concierge.models.rules.ScoredCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision, start to end: generate candidates (the request's own, or neighbours of what the
 * shopper touched, the popular items of their categories, the bundle's best sellers and what is
 * trending), score each with the model, apply the business rules, and explain what is returned.
 */
public final class Recommender {

  /**
   * @param candidatePool       most candidates scored per decision
   * @param popularPerCategory  popular items each favourite category offers
   * @param favouriteCategories how many of the shopper's strongest categories offer candidates
   * @param popularOverall      best sellers offered to every shopper
   * @param trending            trending items offered
   * @param reasonsPerItem      reasons given per returned item
   */
  public record Settings(
      int candidatePool, int popularPerCategory, int favouriteCategories, int popularOverall, int trending,
      int reasonsPerItem) {}

  private final Settings settings;
  private final FeatureSettings featureSettings;

  public Recommender(Settings settings, FeatureSettings featureSettings) {
    this.settings = settings;
    this.featureSettings = featureSettings;
  }

  /**
   * @param trends live trends, or {@code null}
   * @param rules  the configured rules with the request's overrides; the request's {@code exclude} and
   *     the page's own item are added here
   */
  public List<RankedItem> recommend(
      ServingModel model, FeatureState state, Vocabulary vocabulary, Catalog catalog, TrendingItems trends,
      DecisionQuery query, BusinessRules rules, long nowMillis) {
    CatalogItem context = query.contextItemId() == null ? null : catalog.item(query.contextItemId());
    DecisionFeatures features =
        new DecisionFeatures(state, vocabulary, model.tables(), trends, context, nowMillis, featureSettings);
    List<CatalogItem> candidates = candidates(model, state, vocabulary, catalog, trends, query, features);
    // a pin only reorders candidates, so pinned items must be among them
    rules.pins().keySet().forEach(itemId -> {
      CatalogItem pinned = catalog.item(itemId);
      if (pinned != null && !candidates.contains(pinned)) {
        candidates.add(pinned);
      }
    });
    double[] row = new double[model.scorer().schema().size()];
    List<ScoredCandidate> scored = new ArrayList<>(candidates.size());
    for (CatalogItem candidate : candidates) {
      features.fill(candidate, row);
      scored.add(new ScoredCandidate(candidate, model.scorer().score(row)));
    }
    List<String> excluded = new ArrayList<>(query.exclude());
    if (query.contextItemId() != null) {
      excluded.add(query.contextItemId());
    }
    List<RankedCandidate> ranked =
        RuleEngine.apply(scored, new ShopperView(state, vocabulary), rules.excluding(excluded), query.limit());
    return explain(ranked, model, state, vocabulary, catalog, features, row);
  }

  private List<CatalogItem> candidates(
      ServingModel model, FeatureState state, Vocabulary vocabulary, Catalog catalog, TrendingItems trends,
      DecisionQuery query, DecisionFeatures features) {
    Pool pool = new Pool(catalog, vocabulary.items(), settings.candidatePool());
    if (!query.candidates().isEmpty()) {
      query.candidates().forEach(pool::addItem);
      return pool.items;
    }
    features.forEachNeighbour(pool::add);
    TableIndex tables = model.tables();
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
    return pool.items;
  }

  private List<RankedItem> explain(
      List<RankedCandidate> ranked, ServingModel model, FeatureState state, Vocabulary vocabulary, Catalog catalog,
      DecisionFeatures features, double[] row) {
    ReasonWriter writer = new ReasonWriter(state, vocabulary, catalog, features, settings.reasonsPerItem());
    double[] contributions = new double[row.length];
    List<RankedItem> answer = new ArrayList<>(ranked.size());
    for (RankedCandidate candidate : ranked) {
      CatalogItem item = candidate.candidate().item();
      features.fill(item, row);
      model.scorer().contributions(row, contributions);
      List<String> reasons = new ArrayList<>(writer.reasons(item, contributions));
      reasons.addAll(candidate.ruleNotes());
      // the model's probability: boosts and pins change the order, not what the model believes
      answer.add(new RankedItem(item.itemId(), candidate.candidate().score(), reasons));
    }
    return answer;
  }

  /** Candidates without repeats, up to the pool size; items the catalog does not hold are left out. */
  private static final class Pool {
    private final Catalog catalog;
    private final Interner codes;
    private final int capacity;
    private final IntScores seen;
    private final List<CatalogItem> items;
    private int categoriesOffered;

    Pool(Catalog catalog, Interner codes, int capacity) {
      this.catalog = catalog;
      this.codes = codes;
      this.capacity = capacity;
      this.seen = new IntScores(capacity);
      this.items = new ArrayList<>(capacity);
    }

    void add(int code) {
      if (items.size() == capacity || code < 0 || seen.contains(code)) {
        return;
      }
      CatalogItem item = catalog.item(codes.nameOf(code));
      if (item != null) {
        seen.add(code, 0, code);
        items.add(item);
      }
    }

    /** A requested item: learnt only if the catalog holds it, so requests cannot fill the vocabulary. */
    void addItem(String itemId) {
      if (catalog.item(itemId) != null) {
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
