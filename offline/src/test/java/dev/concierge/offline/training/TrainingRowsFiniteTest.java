package dev.concierge.offline.training;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.ExtremeDecisionInputs;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.Recommender;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the history, the catalog and the tables hold, the training rows are finite, or the history is
 * reported untrainable: Tribuo refuses NaN, and an infinite feature would swamp a linear model. The inputs are
 * those serving's features are held to in models ({@code DecisionFeaturesFiniteTest}).
 */
class TrainingRowsFiniteTest extends ExtremeDecisionInputs {

  private static final String OUTCOME = "outcome";
  private static final String TRAINED = "rows built";
  private static final double MIN_TRAINED_PERCENT = 10;

  private static final Recommender RECOMMENDER = new Recommender(new Recommender.Settings(50, 5, 2, 5, 3, 2, 5), FEATURES);

  @Property(tries = 300)
  void trainingRowsAreFiniteOrTheHistoryIsReportedUntrainable(
      @ForAll("histories") List<CustomerEvent> history,
      @ForAll("catalogs") List<CatalogItem> items,
      @ForAll("tables") CandidateTables tables,
      @ForAll("timestamps") Instant labelsFrom) {
    List<CustomerEvent> inTimeOrder = history.stream().sorted(Comparator.comparing(CustomerEvent::timestamp)).toList();
    // every click and purchase a label: more random histories build rows, and rows of items the shopper
    // touched set the features first touches leave at zero (the labels pick rows, not how they are computed)
    TrainingSetBuilder builder =
        new TrainingSetBuilder(RECOMMENDER, new TrainingSetBuilder.Settings(4, 7, TrainingSetBuilder.Labels.ALL));

    // a property that only ever met untrainable histories would check no row
    Statistics.label(OUTCOME).coverage(coverage -> coverage.check(TRAINED).percentage(share -> share >= MIN_TRAINED_PERCENT));
    TrainingSet rows;
    try {
      rows = builder.build(inTimeOrder, Catalog.of(items), tables, labelsFrom, Instant.MAX, POPULAR_PER_LIST);
    } catch (UntrainableHistoryException untrainable) {
      Statistics.label(OUTCOME).collect(untrainable.missing().name());
      return;
    }
    Statistics.label(OUTCOME).collect(TRAINED);
    for (double[] row : rows.rows()) {
      assertFinite(row);
    }
  }
}
