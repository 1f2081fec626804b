package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventTime;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.scoring.TrainingSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Labelled rows for training, point-in-time correct: each click or purchase is a positive row for its
 * item, computed from the customer's features as they were just before it; negatives are sampled
 * from the candidates the recommender would have scored at that moment. Rows are computed by the
 * serving code ({@link DecisionFeatures}), so training and serving cannot disagree.
 */
public final class TrainingSetBuilder {

  /** @param negativesPerPositive sampled candidates per labelled event */
  public record Settings(int negativesPerPositive, long seed) {}

  private final Recommender recommender;
  private final Settings settings;

  public TrainingSetBuilder(Recommender recommender, Settings settings) {
    this.recommender = recommender;
    this.settings = settings;
  }

  /**
   * @param tables      the candidate tables the features read: build them from events before
   *     {@code labelsFrom}, so no row sees its own future
   * @param labelsFrom  events before this only build up the customers' features
   * @param until       events at or after this are not read
   * @throws UntrainableHistoryException when the history gives no learnable rows: no click or purchase
   *     from {@code labelsFrom}, none of a catalogued item, no negative to sample, or no row with a feature
   */
  public TrainingSet build(
      Iterable<CustomerEvent> history, Catalog catalog, CandidateTables tables, Instant labelsFrom, Instant until,
      int popularPerList) {
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    TableIndex index = TableIndex.of(tables, catalog, vocabulary, popularPerList);
    HistoryReplay replay = new HistoryReplay(recommender.featureSettings(), vocabulary, catalog);
    List<double[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    Random random = new Random(settings.seed());
    Tally tally = new Tally();
    replay.replay(
        history,
        until,
        (event, state) -> {
          if (!isLabel(event)) {
            return;
          }
          if (event.timestamp().isBefore(labelsFrom)) {
            tally.earlierLabels++;
          } else {
            tally.labels++;
            label(event, state, vocabulary, catalog, index, random, rows, labels);
          }
        });
    boolean[] positive = new boolean[labels.size()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = labels.get(i);
    }
    double[][] dense = rows.toArray(new double[0][]);
    tally.requireTrainable(dense, positive, catalog, labelsFrom, until);
    return new TrainingSet(RecommenderFeatures.SCHEMA, dense, positive);
  }

  /** Clicks and purchases are what the models predict. */
  public static boolean isLabel(CustomerEvent event) {
    return event.type() == EventType.CLICK || event.type() == EventType.PURCHASE;
  }

  private void label(
      CustomerEvent event, FeatureState state, Vocabulary vocabulary, Catalog catalog, TableIndex index, Random random,
      List<double[]> rows, List<Boolean> labels) {
    CatalogItem item = catalog.item(event.itemId());
    if (item == null) {
      return;
    }
    long at = EventTime.millisOf(event.timestamp());
    DecisionFeatures features =
        new DecisionFeatures(state, vocabulary, index, null, null, at, recommender.featureSettings());
    rows.add(row(features, item));
    labels.add(true);
    List<CatalogItem> candidates =
        recommender
            .generator()
            .generate(index, state, vocabulary, catalog, null, anyQuery(event), features)
            .items();
    candidates.remove(item);
    for (int i = 0; i < settings.negativesPerPositive() && !candidates.isEmpty(); i++) {
      rows.add(row(features, candidates.remove(random.nextInt(candidates.size()))));
      labels.add(false);
    }
  }

  /** What the labelled events gave, to say why a history cannot train. */
  private static final class Tally {
    private long earlierLabels;
    private long labels;

    void requireTrainable(double[][] rows, boolean[] positive, Catalog catalog, Instant labelsFrom, Instant until) {
      String window = labelsFrom + " .. " + until;
      if (labels == 0) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.LABELS,
            earlierLabels == 0
                ? "the history before " + until + " has no click or purchase, only views or carts"
                : "the history's " + earlierLabels + " clicks and purchases all come before " + labelsFrom
                    + ", and only those from then on (" + window + ") give labels");
      }
      int positives = 0;
      for (boolean each : positive) {
        positives += each ? 1 : 0;
      }
      if (positives == 0) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.CATALOGUED_ITEMS,
            "none of the " + labels + " clicks and purchases in " + window + " is of an item the catalog ("
                + catalog.size() + " items) holds");
      }
      if (positives == rows.length) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.NEGATIVES,
            positives + " clicks and purchases in " + window + ", but no other item was a candidate at those moments"
                + " to contrast them with: candidates are the items each shopper touched before, their neighbours"
                + " and the best sellers before " + labelsFrom);
      }
      if (!TrainingSet.isLearnable(rows, positive)) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.FEATURES,
            "in " + window + " every positive row, or every negative one, has all features zero: their shoppers"
                + " had no history before, and the item tables built from the events before " + labelsFrom
                + " do not know their items");
      }
    }
  }

  private static DecisionQuery anyQuery(CustomerEvent event) {
    return new DecisionQuery(event.customerId(), 1, null, List.of(), Set.of());
  }

  private static double[] row(DecisionFeatures features, CatalogItem item) {
    double[] row = new double[RecommenderFeatures.SCHEMA.size()];
    features.fill(item, row);
    return row;
  }
}
