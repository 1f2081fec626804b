package dev.concierge.offline.training;

import static dev.concierge.offline.training.RecommenderFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.training.RecommenderFixtures.RECOMMENDER;
import static dev.concierge.offline.training.RecommenderFixtures.TRAINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.offline.training.UntrainableHistoryException.Missing;
import dev.concierge.models.scoring.ScorerCompiler;
import dev.concierge.offline.HistoryFixtures;
import dev.concierge.offline.replay.HistoryCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training on histories shaped like real data, not like the simulator's: ratings from the 1990s turned into
 * views and purchases, real purchases with repeats, shoppers with one event, catalogs that lack categories,
 * prices or items. Each trains, or fails with what the history lacks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealShapedHistoryTrainingTest {

  private static final Instant RATINGS_UNTIL = Instant.parse("1998-06-01T00:00:00Z");
  private static final Instant RETAIL_UNTIL = Instant.parse("2010-12-02T00:00:00Z");
  // the ratings catalog leaves out every twentieth item, as the fixture's catalog file does
  private static final int CATALOG_GAP = 20;
  private static final Pattern LABELS_FROM = Pattern.compile("labels-from=(\\S+)");

  @TempDir static Path directory;
  private List<CustomerEvent> ratings;
  private List<CustomerEvent> retail;

  @BeforeAll
  void readTheFixtures() {
    ratings = HistoryFixtures.events(HistoryFixtures.RATINGS, directory);
    retail = HistoryFixtures.events(HistoryFixtures.ONLINE_RETAIL, directory);
  }

  @ParameterizedTest
  @EnumSource(ModelTrainer.class)
  void ratingsFromTheNinetiesTrainWithTheItemsTakenFromTheHistory(ModelTrainer trainer) {
    ModelBundle bundle = train(ratings, fromHistory(ratings), RATINGS_UNTIL, trainer);

    assertTrained(bundle);
  }

  @ParameterizedTest
  @EnumSource(ModelTrainer.class)
  void aCatalogWithoutCategoriesOrPricesThatLacksSomeItemsStillTrains(ModelTrainer trainer) {
    List<String> items = new ArrayList<>(new TreeSet<>(ratings.stream().map(CustomerEvent::itemId).toList()));
    List<CatalogItem> listed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (i % CATALOG_GAP != 0) {
        listed.add(new CatalogItem(items.get(i), CatalogItem.UNKNOWN_CATEGORY, 0, true, "", 0));
      }
    }
    Catalog catalog = Catalog.of(listed);
    assertTrue(ratings.stream().anyMatch(e -> TrainingSetBuilder.isLabel(e) && catalog.item(e.itemId()) == null),
        "some purchases are of items the catalog lacks");

    assertTrained(train(ratings, catalog, RATINGS_UNTIL, trainer));
  }

  @ParameterizedTest
  @EnumSource(ModelTrainer.class)
  void purchasesOnlyWithRepeatedPurchasesOfTheSameItemTrain(ModelTrainer trainer) {
    assertTrue(retail.stream().allMatch(e -> e.type() == EventType.PURCHASE), "the fixture holds purchases only");
    Set<String> bought = new HashSet<>();
    assertTrue(retail.stream().anyMatch(e -> !bought.add(e.customerId() + "/" + e.itemId())),
        "some shopper buys the same item again");

    assertTrained(train(retail, fromHistory(retail), RETAIL_UNTIL, trainer));
  }

  @ParameterizedTest
  @EnumSource(ModelTrainer.class)
  void customersWithASingleEventTrain(ModelTrainer trainer) {
    Set<String> seen = new HashSet<>();
    List<CustomerEvent> firstEvents = ratings.stream().filter(e -> seen.add(e.customerId())).toList();

    assertTrained(train(firstEvents, fromHistory(firstEvents), RATINGS_UNTIL, trainer));
  }

  @Test
  void rowsWhoseFeaturesAreAllZeroDoNotStopTraining() {
    Instant labelsFrom = RecommenderFixtures.dayOf(retail, 1 - TRAINING.labelShare());
    CandidateTablesBuilder tables = new CandidateTablesBuilder(TRAINING.tables());
    retail.stream().filter(e -> e.timestamp().isBefore(labelsFrom)).forEach(tables::add);
    TrainingSet built = new TrainingSetBuilder(RECOMMENDER, TRAINING.sampling())
        .build(retail, fromHistory(retail), tables.build(), labelsFrom, RETAIL_UNTIL, POPULAR_PER_LIST);
    // a shopper's first purchase, of an item nobody touched before, against another such item: a
    // moment of two rows of zeros, as real history has when the pool holds unknown items
    TrainingSet rows = withMomentOfZeros(built);
    assertTrue(Arrays.stream(rows.rows()).anyMatch(TrainingSet::isFeatureless));

    for (ModelTrainer trainer : ModelTrainer.values()) {
      ScorerCompiler.compile(trainer.train(rows), rows.schema());
    }
  }

  private static TrainingSet withMomentOfZeros(TrainingSet rows) {
    int size = rows.size();
    double[][] values = Arrays.copyOf(rows.rows(), size + 2);
    boolean[] positive = Arrays.copyOf(rows.positive(), size + 2);
    int[] moments = Arrays.copyOf(rows.moments(), size + 2);
    int moment = size == 0 ? 0 : moments[size - 1] + 1;
    for (int i = size; i < size + 2; i++) {
      values[i] = new double[rows.schema().size()];
      positive[i] = i == size;
      moments[i] = moment;
    }
    return new TrainingSet(rows.schema(), values, positive, moments);
  }

  @Test
  void anUntilLongAfterTheHistoryStillTakesTheLabelsFromItsLaterPart() {
    ModelBundle bundle =
        train(ratings, fromHistory(ratings), Instant.parse("2030-01-01T00:00:00Z"), ModelTrainer.LOGISTIC_REGRESSION);

    Matcher labelsFrom = LABELS_FROM.matcher(bundle.metadata().provenance());
    assertTrue(labelsFrom.find(), bundle.metadata().provenance());
    Instant from = Instant.parse(labelsFrom.group(1));
    assertTrue(from.isAfter(ratings.get(0).timestamp()) && from.isBefore(ratings.get(ratings.size() - 1).timestamp()),
        "the labels start inside the history, at " + from);
  }

  @Test
  void viewsAloneCannotTrainAndSaySoByName() {
    List<CustomerEvent> views = ratings.stream().map(e -> retyped(e, EventType.VIEW)).toList();

    UntrainableHistoryException refused = assertUntrainable(views, fromHistory(views), RATINGS_UNTIL);

    assertEquals(Missing.LABELS, refused.missing());
    assertTrue(refused.getMessage().contains("no click or purchase"), refused.getMessage());
  }

  @Test
  void purchasesOfItemsNoCatalogHoldsCannotTrainAndSaySo() {
    UntrainableHistoryException refused = assertUntrainable(ratings, RecommenderFixtures.CATALOG, RATINGS_UNTIL);

    assertEquals(Missing.CATALOGUED_ITEMS, refused.missing());
    assertTrue(refused.getMessage().contains("catalog (" + RecommenderFixtures.CATALOG.size() + " items)"),
        refused.getMessage());
  }

  @Test
  void aHistoryOfOneItemCannotTrainForWantOfNegatives() {
    List<CustomerEvent> oneItem = ratings.stream().map(e -> new CustomerEvent(e.eventId(), e.customerId(), e.type(),
        "m1", e.timestamp(), e.price(), e.quantity(), e.sessionId(), e.context())).toList();

    UntrainableHistoryException refused = assertUntrainable(oneItem, fromHistory(oneItem), RATINGS_UNTIL);

    assertEquals(Missing.NEGATIVES, refused.missing());
  }

  @Test
  void anUntilBeforeTheFirstEventCannotTrainForWantOfEvents() {
    UntrainableHistoryException refused =
        assertUntrainable(ratings, fromHistory(ratings), Instant.parse("1990-01-01T00:00:00Z"));

    assertEquals(Missing.EVENTS, refused.missing());
  }

  private static ModelBundle train(List<CustomerEvent> history, Catalog catalog, Instant until, ModelTrainer trainer) {
    return new BundleTrainer(RECOMMENDER, TRAINING, Clock.systemUTC()).train(history, catalog, until, trainer, "test");
  }

  private static UntrainableHistoryException assertUntrainable(List<CustomerEvent> history, Catalog catalog, Instant until) {
    return assertThrows(UntrainableHistoryException.class,
        () -> train(history, catalog, until, ModelTrainer.LOGISTIC_REGRESSION));
  }

  private static void assertTrained(ModelBundle bundle) {
    assertTrue(bundle.metadata().trainingRows() > 0, "rows: " + bundle.metadata().trainingRows());
    double auc = bundle.metadata().metrics().get("auc");
    assertTrue(Double.isNaN(auc) || (auc >= 0 && auc <= 1), "held-out AUC " + auc);
  }

  static Catalog fromHistory(List<CustomerEvent> history) {
    return HistoryCatalog.of(history.stream().map(event -> new EventRecorded(event, null)).toList());
  }

  private static CustomerEvent retyped(CustomerEvent event, EventType type) {
    return new CustomerEvent(event.eventId(), event.customerId(), type, event.itemId(), event.timestamp(), event.price(),
        event.quantity(), event.sessionId(), event.context());
  }
}
