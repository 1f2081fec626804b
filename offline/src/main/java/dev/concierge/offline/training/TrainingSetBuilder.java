package dev.concierge.offline.training;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventTime;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Interner;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.CandidateTables;
import dev.concierge.models.recommend.DecisionFeatures;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.RecommenderFeatures;
import dev.concierge.models.recommend.TableIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Labelled rows for training, point-in-time correct: each click or purchase is a positive row for its
 * item, computed from the customer's features as they were just before it; negatives are sampled
 * from the candidates the recommender would have scored at that moment. Rows are computed by the
 * serving code ({@link DecisionFeatures}), so training and serving cannot disagree.
 *
 * <p>By default ({@link Labels#FIRST_TOUCHES}) the rows pose the question the backtest judges and a
 * storefront asks: which item the shopper has not touched yet comes next. A click or purchase of an item
 * the shopper touched before is no label, and no touched item is a negative. Trained on every click
 * and purchase, a model mostly learns that shoppers come back to what they just viewed, which tells it
 * nothing about the items they have not seen.
 */
public final class TrainingSetBuilder {

  /** Which clicks and purchases become positive rows. */
  public enum Labels {
    /** Those of items the shopper had not touched before; touched items are no negatives either. */
    FIRST_TOUCHES,
    /** Every click and purchase, against any candidate. */
    ALL
  }

  /**
   * @param negativesPerPositive candidates sampled per labelled event, from those the recommender would
   *     have scored at that moment
   */
  public record Settings(int negativesPerPositive, long seed, Labels labels) {}

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
    Rows rows = new Rows(new Random(settings.seed()));
    Tally tally = new Tally();
    replay.replay(
        history,
        until,
        new HistoryReplay.Observer() {
          @Override
          public void beforeApply(CustomerEvent event, FeatureState state) {
            boolean firstTouch = rows.touched.add(event.customerId(), event.itemId());
            if (!isLabel(event)) {
              return;
            }
            if (event.timestamp().isBefore(labelsFrom)) {
              tally.earlierLabels++;
            } else if (firstTouch || settings.labels() == Labels.ALL) {
              tally.labels++;
              label(event, state, vocabulary, catalog, index, rows);
            } else {
              tally.returns++;
            }
          }

          // a merge is no row: the shopper's anonymous touches become the customer's own
          @Override
          public void merged(CustomerEvent merge, FeatureState state) {
            rows.touched.absorb(merge.fromCustomerId(), merge.customerId());
          }
        });
    tally.outsideCandidates = rows.outsideCandidates;
    double[][] dense = rows.values.toArray(new double[0][]);
    boolean[] positive = rows.positive();
    tally.requireTrainable(dense, positive, catalog, labelsFrom, until);
    return new TrainingSet(RecommenderFeatures.SCHEMA, dense, positive, rows.moments());
  }

  /** Clicks and purchases are what the models predict; a merge is never a label. */
  public static boolean isLabel(CustomerEvent event) {
    return event.type() == EventType.CLICK || event.type() == EventType.PURCHASE;
  }

  private void label(
      CustomerEvent event, FeatureState state, Vocabulary vocabulary, Catalog catalog, TableIndex index, Rows rows) {
    CatalogItem item = catalog.item(event.itemId());
    if (item == null) {
      return;
    }
    Recommender.Shortlist shortlist =
        recommender.shortlist(
            event.customerId(), state, vocabulary, index, catalog, EventTime.millisOf(event.timestamp()));
    DecisionFeatures features = shortlist.features();
    List<CatalogItem> candidates = shortlist.candidates();
    // a model ranks the candidates it is given: an item outside them teaches it nothing it can use, and
    // would teach it that what the candidates share (neighbours of the shopper's items) marks a negative
    if (!candidates.remove(item)) {
      rows.outsideCandidates++;
      return;
    }
    if (settings.labels() == Labels.FIRST_TOUCHES) {
      candidates.removeIf(candidate -> rows.touched.contains(event.customerId(), candidate.itemId()));
    }
    rows.add(row(features, item), true);
    for (int i = 0; i < settings.negativesPerPositive() && !candidates.isEmpty(); i++) {
      rows.add(row(features, candidates.remove(rows.random.nextInt(candidates.size()))), false);
    }
    rows.endMoment();
  }

  /** The rows so far, the moment they belong to, and the items each shopper touched until now. */
  private static final class Rows {
    private final Random random;
    private final TouchedItems touched = new TouchedItems();
    private final List<double[]> values = new ArrayList<>();
    private final List<Boolean> labels = new ArrayList<>();
    private final List<Integer> moments = new ArrayList<>();
    private int moment;
    private long outsideCandidates;

    Rows(Random random) {
      this.random = random;
    }

    void add(double[] row, boolean positive) {
      values.add(row);
      labels.add(positive);
      moments.add(moment);
    }

    void endMoment() {
      moment++;
    }

    boolean[] positive() {
      boolean[] positive = new boolean[labels.size()];
      for (int i = 0; i < positive.length; i++) {
        positive[i] = labels.get(i);
      }
      return positive;
    }

    int[] moments() {
      return moments.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Every item each shopper touched, as the backtest keeps them to leave them out. Coded by an interner
   * of its own: interning items the catalog does not hold into the replay's vocabulary would change how
   * the replayed states code them.
   */
  private static final class TouchedItems {
    private final Interner items = new Interner(Integer.MAX_VALUE);
    private final Map<String, Set<Integer>> byCustomer = new HashMap<>();

    /** Records the touch; whether it was the shopper's first of that item. */
    boolean add(String customerId, String itemId) {
      return byCustomer.computeIfAbsent(customerId, id -> new HashSet<>()).add(items.intern(itemId));
    }

    boolean contains(String customerId, String itemId) {
      Set<Integer> touched = byCustomer.get(customerId);
      return touched != null && touched.contains(items.codeOf(itemId));
    }

    /** What {@code from} touched counts as touched by {@code into} too, after a merge. */
    void absorb(String from, String into) {
      Set<Integer> touched = byCustomer.get(from);
      if (touched != null) {
        byCustomer.computeIfAbsent(into, id -> new HashSet<>()).addAll(touched);
      }
    }
  }

  /** What the labelled events gave, to say why a history cannot train. */
  private static final class Tally {
    private long earlierLabels;
    private long labels;
    private long returns;
    private long outsideCandidates;

    void requireTrainable(double[][] rows, boolean[] positive, Catalog catalog, Instant labelsFrom, Instant until) {
      String window = labelsFrom + " .. " + until;
      if (labels == 0) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.LABELS,
            earlierLabels == 0 && returns == 0
                ? "the history before " + until + " has no click or purchase, only views or carts"
                : returns > 0
                    ? "the " + returns + " clicks and purchases in " + window + " are all of items their shoppers"
                        + " had touched before, and only a first touch of an item is a label"
                    : "the history's " + earlierLabels + " clicks and purchases all come before " + labelsFrom
                        + ", and only those from then on (" + window + ") give labels");
      }
      int positives = 0;
      for (boolean each : positive) {
        positives += each ? 1 : 0;
      }
      if (positives == 0 && outsideCandidates > 0) {
        throw new UntrainableHistoryException(
            UntrainableHistoryException.Missing.CANDIDATES,
            "none of the " + outsideCandidates + " clicks and purchases of catalogued items in " + window + " was"
                + " of an item the recommender would have offered then: candidates are the items each shopper"
                + " touched before, their neighbours and the best sellers before " + labelsFrom);
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

  private static double[] row(DecisionFeatures features, CatalogItem item) {
    double[] row = new double[RecommenderFeatures.SCHEMA.size()];
    features.fill(item, row);
    return row;
  }
}
