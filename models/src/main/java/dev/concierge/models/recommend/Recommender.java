package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.RankedCandidate;
import dev.concierge.models.rules.RuleEngine;
import dev.concierge.models.rules.ScoredCandidate;
import dev.concierge.models.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One decision, start to end: generate candidates (the request's own, or collaborative and session
 * neighbours of what the shopper touched, the popular items of their categories, the bundle's best sellers and what is
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
   * @param collaborative       candidates each collaborative source offers: the items that co-occur most
   *     with the shopper's items, and those nearest to them by taste vector
   * @param preRank             two-stage scoring for models that have a cheap prefix
   */
  public record Settings(
      int candidatePool, int popularPerCategory, int favouriteCategories, int popularOverall, int trending,
      int reasonsPerItem, int collaborative, PreRank preRank) {

    /** Settings that score every candidate with the whole model. */
    public Settings(
        int candidatePool, int popularPerCategory, int favouriteCategories, int popularOverall, int trending,
        int reasonsPerItem, int collaborative) {
      this(candidatePool, popularPerCategory, favouriteCategories, popularOverall, trending, reasonsPerItem,
          collaborative, PreRank.OFF);
    }
  }

  /**
   * Two-stage scoring: every candidate is pre-ranked by the model's first rounds ({@link
   * dev.concierge.models.scoring.Scorer#prefixLogit}), and only the best are scored by the whole model.
   *
   * @param keep   candidates scored fully (pinned ones always are); 0 scores every candidate fully
   * @param rounds the model's rounds that pre-rank
   */
  public record PreRank(int keep, int rounds) {

    public static final PreRank OFF = new PreRank(0, 0);

    public PreRank {
      if (keep < 0 || rounds < 0) {
        throw new IllegalArgumentException("pre-rank keep and rounds must be >= 0, were " + keep + " and " + rounds);
      }
    }
  }

  private final Settings settings;
  private final FeatureSettings featureSettings;
  private final CandidateGenerator generator;
  // decisions on one thread run one at a time: each reuses the tables of the one before
  private final ThreadLocal<DecisionScratch> scratch = ThreadLocal.withInitial(DecisionScratch::new);

  public Recommender(Settings settings, FeatureSettings featureSettings) {
    this.settings = settings;
    this.featureSettings = featureSettings;
    this.generator = new CandidateGenerator(settings);
  }

  public Settings settings() {
    return settings;
  }

  public FeatureSettings featureSettings() {
    return featureSettings;
  }

  /**
   * The candidates a decision at {@code nowMillis} with no trends and no page item would score for the
   * shopper, and the features it would score them with. Training computes its rows from these, so a model
   * learns to rank the candidates serving gives it. The features read this thread's decision tables: use
   * them before the thread's next decision.
   */
  public Shortlist shortlist(
      String customerId, FeatureState state, Vocabulary vocabulary, TableIndex tables, Catalog catalog, long nowMillis) {
    DecisionScratch decision = scratch.get();
    DecisionFeatures features =
        new DecisionFeatures(state, vocabulary, tables, null, null, nowMillis, featureSettings, decision);
    DecisionQuery query = new DecisionQuery(customerId, 1, null, List.of(), Set.of());
    return new Shortlist(
        features, generator.generate(tables, state, vocabulary, catalog, null, query, features, decision).items());
  }

  /** @param candidates in the order they were generated; a copy, free to change */
  public record Shortlist(DecisionFeatures features, List<CatalogItem> candidates) {}

  /**
   * @param trends live trends, or {@code null}
   * @param rules  the configured rules with the request's overrides; the request's {@code exclude} and
   *     the page's own item are added here
   */
  public List<RankedItem> recommend(
      ServingModel model, FeatureState state, Vocabulary vocabulary, Catalog catalog, TrendingItems trends,
      DecisionQuery query, BusinessRules rules, long nowMillis) {
    DecisionScratch tables = scratch.get();
    CatalogItem context = query.contextItemId() == null ? null : catalog.item(query.contextItemId());
    DecisionFeatures features =
        new DecisionFeatures(state, vocabulary, model.tables(), trends, context, nowMillis, featureSettings, tables);
    Candidates candidates =
        generator.generate(model.tables(), state, vocabulary, catalog, trends, query, features, tables);
    // a pin only reorders candidates, so pinned items must be among them
    rules.pins().keySet().forEach(itemId -> {
      CatalogItem pinned = catalog.item(itemId);
      if (pinned != null && !candidates.contains(pinned)) {
        int code = vocabulary.items().codeOf(itemId);
        candidates.add(pinned, code, catalog.codes(vocabulary).categoryOf(pinned, code));
      }
    });
    double[] row = tables.row(model.scorer().schema().size());
    List<ScoredCandidate> scored = preRanks(model.scorer(), candidates)
        ? scoreTheBest(model.scorer(), candidates, features, rules, tables)
        : scoreAll(model.scorer(), candidates, features, row);
    List<String> excluded = new ArrayList<>(query.exclude());
    if (query.contextItemId() != null) {
      excluded.add(query.contextItemId());
    }
    List<RankedCandidate> ranked =
        RuleEngine.applyToDistinct(scored, new ShopperView(state, vocabulary), rules.excluding(excluded), query.limit());
    return explain(ranked, model, state, vocabulary, catalog, features, row, tables.contributions(row.length));
  }

  private boolean preRanks(Scorer scorer, Candidates candidates) {
    PreRank preRank = settings.preRank();
    return preRank.keep() > 0 && candidates.size() > preRank.keep() && scorer.hasPrefix();
  }

  private static List<ScoredCandidate> scoreAll(
      Scorer scorer, Candidates candidates, DecisionFeatures features, double[] row) {
    List<ScoredCandidate> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      features.fill(candidates.item(i), candidates.code(i), candidates.category(i), row);
      scored.add(new ScoredCandidate(candidates.item(i), candidates.code(i), scorer.score(row)));
    }
    return scored;
  }

  /**
   * Pre-ranks every candidate by the model's first rounds and scores the best {@code keep} (and every
   * pinned one) with the whole model; the rest are not offered. The survivors keep the candidates' order.
   */
  private List<ScoredCandidate> scoreTheBest(
      Scorer scorer, Candidates candidates, DecisionFeatures features, BusinessRules rules, DecisionScratch tables) {
    PreRank preRank = settings.preRank();
    int size = candidates.size();
    double[][] rows = tables.rows(size, scorer.schema().size());
    double[] prefix = tables.prefixLogits(size);
    for (int i = 0; i < size; i++) {
      features.fill(candidates.item(i), candidates.code(i), candidates.category(i), rows[i]);
      prefix[i] = scorer.prefixLogit(rows[i], preRank.rounds());
    }
    boolean[] kept = tables.best(prefix, size, preRank.keep());
    List<ScoredCandidate> scored = new ArrayList<>(preRank.keep() + rules.pins().size());
    for (int i = 0; i < size; i++) {
      if (kept[i] || rules.pins().containsKey(candidates.item(i).itemId())) {
        scored.add(new ScoredCandidate(candidates.item(i), candidates.code(i), scorer.score(rows[i])));
      }
    }
    return scored;
  }

  private List<RankedItem> explain(
      List<RankedCandidate> ranked, ServingModel model, FeatureState state, Vocabulary vocabulary, Catalog catalog,
      DecisionFeatures features, double[] row, double[] contributions) {
    ReasonWriter writer = new ReasonWriter(state, vocabulary, catalog, features, settings.reasonsPerItem());
    List<RankedItem> answer = new ArrayList<>(ranked.size());
    for (RankedCandidate candidate : ranked) {
      CatalogItem item = candidate.candidate().item();
      features.fill(item, row);
      model.scorer().contributions(row, contributions);
      List<String> reasons = new ArrayList<>(writer.reasons(item, row, contributions));
      reasons.addAll(candidate.ruleNotes());
      // the model's probability: boosts and pins change the order, not what the model believes
      answer.add(new RankedItem(item.itemId(), candidate.candidate().score(), reasons));
    }
    return answer;
  }
}
