package dev.concierge.offline.training;

import static dev.concierge.offline.training.RecommenderFixtures.CATALOG;
import static dev.concierge.offline.training.RecommenderFixtures.FEATURES;
import static dev.concierge.offline.training.RecommenderFixtures.ITEMS;
import static dev.concierge.offline.training.RecommenderFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.training.RecommenderFixtures.RECOMMENDER;
import static dev.concierge.offline.training.RecommenderFixtures.TRAINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventTime;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.PurchasedPolicy;
import dev.concierge.models.rules.RuleOverrides;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two-stage scoring pre-ranks the candidates with a tree model's first rounds and scores only the best
 * with the whole model: what it returns carries the whole model's score, pinned items are never cut, and
 * keeping as many as there are candidates changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoStageScoringTest {

  private static final int LIMIT = 10;
  private static final Recommender.Settings FULL = RECOMMENDER.settings();

  private ServingModel trees;
  private Vocabulary vocabulary;
  private final Map<String, FeatureState> shoppers = new LinkedHashMap<>();
  private long now;

  @BeforeAll
  void trainTrees() {
    List<CustomerEvent> history = RecommenderFixtures.history(300, 20_000);
    Instant end = history.get(history.size() - 1).timestamp().plusMillis(1);
    vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    trees = ServingModel.load(
        new BundleTrainer(RECOMMENDER, TRAINING, Clock.systemUTC())
            .train(history, CATALOG, RecommenderFixtures.dayOf(history, 0.8), ModelTrainer.GRADIENT_BOOSTED_TREES, "t"),
        CATALOG, vocabulary, POPULAR_PER_LIST);
    new HistoryReplay(FEATURES, vocabulary, CATALOG)
        .replay(history, end, (event, state) -> shoppers.putIfAbsent(event.customerId(), state));
    now = EventTime.millisOf(end);
  }

  @Test
  void everyItemReturnedCarriesTheWholeModelsScore() {
    Recommender twoStage = recommender(new Recommender.PreRank(20, 5));
    for (Map.Entry<String, FeatureState> shopper : shoppers.entrySet()) {
      for (RankedItem item : decide(twoStage, shopper, List.of(), RuleOverrides.NONE)) {
        List<RankedItem> alone = decide(RECOMMENDER, shopper, List.of(item.itemId()), RuleOverrides.NONE);
        assertEquals(alone.get(0).score(), item.score(), 0.0, item.itemId() + " for " + shopper.getKey());
      }
    }
  }

  @Test
  void pinnedCandidatesAreScoredWhateverTheirPreRank() {
    Recommender keepsFew = recommender(new Recommender.PreRank(5, 5));
    // in stock, since only those are pinned, and kept when bought
    List<String> candidates = ITEMS.stream().filter(CatalogItem::inStock).limit(40).map(CatalogItem::itemId).toList();
    Map<String, Integer> pins = Map.of(candidates.get(13), 2, candidates.get(27), 4);
    RuleOverrides pinning =
        new RuleOverrides(PurchasedPolicy.KEEP, Map.of(), false, Set.of(), Map.of(), Map.of(), pins, null, null);
    for (Map.Entry<String, FeatureState> shopper : shoppers.entrySet()) {
      List<String> answer = decide(keepsFew, shopper, candidates, pinning).stream().map(RankedItem::itemId).toList();
      pins.forEach((item, position) -> assertEquals(item, answer.get(position - 1), "pinned for " + shopper.getKey()));
    }
  }

  @Test
  void keepingEveryCandidateDecidesAsScoringThemAll() {
    Recommender keepsAll = recommender(new Recommender.PreRank(FULL.candidatePool(), 5));
    int compared = 0;
    for (Map.Entry<String, FeatureState> shopper : shoppers.entrySet()) {
      assertEquals(decide(RECOMMENDER, shopper, List.of(), RuleOverrides.NONE),
          decide(keepsAll, shopper, List.of(), RuleOverrides.NONE), shopper.getKey());
      compared++;
    }
    assertTrue(compared > 100, "shoppers compared: " + compared);
  }

  private Recommender recommender(Recommender.PreRank preRank) {
    return new Recommender(new Recommender.Settings(FULL.candidatePool(), FULL.popularPerCategory(),
        FULL.favouriteCategories(), FULL.popularOverall(), FULL.trending(), FULL.reasonsPerItem(),
        FULL.collaborative(), preRank), FEATURES);
  }

  private List<RankedItem> decide(
      Recommender recommender, Map.Entry<String, FeatureState> shopper, List<String> candidates, RuleOverrides rules) {
    DecisionQuery query = new DecisionQuery(shopper.getKey(), LIMIT, null, candidates, Set.of());
    return recommender.recommend(
        trees, shopper.getValue(), vocabulary, CATALOG, null, query, BusinessRules.DEFAULT.withOverrides(rules), now);
  }
}
