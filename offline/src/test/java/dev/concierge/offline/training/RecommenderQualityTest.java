package dev.concierge.offline.training;

import static dev.concierge.offline.training.RecommenderFixtures.CATALOG;
import static dev.concierge.offline.training.RecommenderFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.training.RecommenderFixtures.RECOMMENDER;
import static dev.concierge.offline.training.RecommenderFixtures.TRAINING;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Models trained on one part of a simulated history, judged on the later part they never saw, the
 * way the engine would serve them: the top 10 as of just before each click or purchase.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommenderQualityTest {

  private static final int TOP = 10;
  // a clear margin over popularity: the trained ranker must find at least half as many hits again
  private static final double REQUIRED_LIFT = 1.5;

  private List<CustomerEvent> history;
  private Instant split;
  private Instant end;
  private HitRate popularity;

  @BeforeAll
  void simulateAndMeasureTheBaseline() {
    history = RecommenderFixtures.history(400, 80_000);
    split = RecommenderFixtures.dayOf(history, 0.8);
    end = history.get(history.size() - 1).timestamp().plusMillis(1);
    CandidateTables tables = tablesUntil(split);
    popularity =
        HitRate.evaluate(history, CATALOG, RECOMMENDER,
            vocabulary -> ServingModel.popularity(tables, CATALOG, vocabulary, POPULAR_PER_LIST), split, end, TOP);
  }

  @Test
  void logisticRegressionBeatsPopularityOnLaterData() {
    assertBeatsPopularity(ModelTrainer.LOGISTIC_REGRESSION);
  }

  @Test
  void boostedTreesBeatPopularityOnLaterData() {
    assertBeatsPopularity(ModelTrainer.GRADIENT_BOOSTED_TREES);
  }

  private void assertBeatsPopularity(ModelTrainer trainer) {
    ModelBundle bundle = new BundleTrainer(RECOMMENDER, TRAINING, Clock.systemUTC()).train(history, CATALOG, split, trainer, "test");
    HitRate model =
        HitRate.evaluate(history, CATALOG, RECOMMENDER,
            vocabulary -> ServingModel.load(bundle, CATALOG, vocabulary, POPULAR_PER_LIST), split, end, TOP);

    String measured = String.format(Locale.ROOT, "%s HR@%d %.3f vs popularity %.3f over %d cases (held-out AUC %.3f)",
        BundleTrainer.kindOf(trainer), TOP, model.rate(), popularity.rate(), model.cases(), bundle.metadata().metrics().get("auc"));
    System.out.println(measured);
    assertTrue(popularity.cases() > 1_000, "enough held-out cases to judge: " + popularity.cases());
    assertTrue(model.rate() >= REQUIRED_LIFT * popularity.rate(), measured);
  }

  private CandidateTables tablesUntil(Instant until) {
    CandidateTablesBuilder builder = new CandidateTablesBuilder(TRAINING.tables());
    for (CustomerEvent event : history) {
      if (!event.timestamp().isBefore(until)) {
        break;
      }
      builder.add(event);
    }
    return builder.build();
  }
}
