package dev.concierge.models.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.BusinessRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CollaborativeFeaturesTest {

  private static final Instant NOW = Instant.parse("2026-10-10T12:00:00Z");
  private static final FeatureSettings FEATURES = TestRecommender.FEATURES;
  private static final Recommender RECOMMENDER = TestRecommender.RECOMMENDER;
  private static final Catalog CATALOG = Catalog.of(
      Stream.of("a", "b", "x", "y", "z", "far").map(id -> new CatalogItem(id, "things", 10, true, id, 1)).toList());
  // a shopper who viewed a and bought b: a pulls x (0.5) and y (0.2) by co-occurrence, b pulls x (0.3)
  private static final CandidateTables TABLES = new CandidateTables(
      Map.of(), Map.of(), Map.of("a", 1.0, "b", 1.0, "x", 1.0, "y", 1.0, "z", 1.0, "far", 50.0),
      Map.of("a", List.of(new Neighbour("x", 0.5f), new Neighbour("y", 0.2f)), "b", List.of(new Neighbour("x", 0.3f))),
      Map.of("a", List.of(new Neighbour("z", 0.9f))),
      new ItemEmbeddings(2, List.of("a", "b", "x", "y", "z", "far"),
          new float[] {1, 0, 0, 1, 1, 0, 0, 1, 0.6f, 0.8f, -1, 0}));

  private final Vocabulary vocabulary = new Vocabulary(1_000, 100);
  private final TableIndex index = TableIndex.of(TABLES, CATALOG, vocabulary, 100);

  @Test
  void coOccurrenceSumsTheWeightsFromEveryShopperItemSquashedBelowOne() {
    double[] row = row(shopper(), "x");

    double together = 0.5 + 0.3;
    assertEquals(together / (1 + together), row[RecommenderFeatures.CO_OCCURRING_WITH_RECENT], 1e-6);
    assertEquals(0, row(shopper(), "far")[RecommenderFeatures.CO_OCCURRING_WITH_RECENT]);
  }

  @Test
  void tasteAffinityIsTheCandidatesVectorDottedWithTheMeanOfTheShoppersItems() {
    // mean of a (1, 0) and b (0, 1) is (0.5, 0.5)
    assertEquals(0.5 * 0.6 + 0.5 * 0.8, row(shopper(), "z")[RecommenderFeatures.TASTE_AFFINITY], 1e-6);
    assertEquals(-0.5, row(shopper(), "far")[RecommenderFeatures.TASTE_AFFINITY], 1e-6);
  }

  @Test
  void aShopperWithoutHistoryHasNoCollaborativeSignal() {
    FeatureState nobody = new FeatureState(FEATURES);

    double[] row = row(nobody, "x");

    assertEquals(0, row[RecommenderFeatures.CO_OCCURRING_WITH_RECENT]);
    assertEquals(0, row[RecommenderFeatures.TASTE_AFFINITY]);
  }

  @Test
  void theNearestShopperItemByTasteExplainsASimilarItem() {
    DecisionFeatures features = features(shopper());

    assertEquals(vocabulary.items().codeOf("b"), features.nearestShopperItem(vocabulary.items().codeOf("z")));
    assertEquals(vocabulary.items().codeOf("a"), features.nearestShopperItem(vocabulary.items().codeOf("x")));
  }

  @Test
  void itemKnnRanksByCoOccurrenceThenFillsWithPopularityAndSaysWhy() {
    ServingModel knn = new ServingModel("item-knn", new CoOccurrenceFirstScorer(), TableIndex.of(TABLES, CATALOG, vocabulary, 100));

    List<RankedItem> ranked = RECOMMENDER.recommend(
        knn, shopper(), vocabulary, CATALOG, null, new DecisionQuery("c-1", 4, null, List.of(), Set.of()),
        BusinessRules.DEFAULT, NOW.toEpochMilli());

    // b was bought, so the rules keep it out; far, the best seller, is the first to fill the list
    assertEquals(List.of("x", "y", "far"), ranked.stream().map(RankedItem::itemId).toList().subList(0, 3));
    assertEquals(List.of("shoppers who chose a chose it too"), ranked.get(0).reasons());
  }

  @Test
  void collaborativeCandidatesAreOfferedEvenWithoutCoOccurrence() {
    ServingModel knn = new ServingModel("item-knn", new CoOccurrenceFirstScorer(), TableIndex.of(TABLES, CATALOG, vocabulary, 100));

    List<RankedItem> ranked = RECOMMENDER.recommend(
        knn, shopper(), vocabulary, CATALOG, null, new DecisionQuery("c-1", 10, null, List.of(), Set.of()),
        BusinessRules.DEFAULT, NOW.toEpochMilli());

    assertTrue(ranked.stream().anyMatch(item -> item.itemId().equals("z")), ranked.toString());
  }

  private FeatureState shopper() {
    FeatureState state = new FeatureState(FEATURES);
    state.apply(CustomerEvent.of("e-1", "c-1", EventType.VIEW, "a", NOW.minusSeconds(600)), "things", vocabulary, FEATURES);
    state.apply(CustomerEvent.of("e-2", "c-1", EventType.PURCHASE, "b", NOW.minusSeconds(60)), "things", vocabulary, FEATURES);
    return state;
  }

  private DecisionFeatures features(FeatureState state) {
    return new DecisionFeatures(state, vocabulary, index, null, null, NOW.toEpochMilli(), FEATURES);
  }

  private double[] row(FeatureState state, String itemId) {
    double[] row = new double[RecommenderFeatures.SCHEMA.size()];
    features(state).fill(CATALOG.item(itemId), row);
    return row;
  }
}
