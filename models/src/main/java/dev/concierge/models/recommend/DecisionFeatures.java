package dev.concierge.models.recommend;

import static dev.concierge.models.recommend.RecommenderFeatures.BOUGHT_IN_CATEGORY;
import static dev.concierge.models.recommend.RecommenderFeatures.CARTED_BEFORE;
import static dev.concierge.models.recommend.RecommenderFeatures.CATEGORY_AFFINITY;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_BOUGHT_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_OCCURRING_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_VIEWED_WITH_CONTEXT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_VIEWED_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CUSTOMER_ACTIVITY;
import static dev.concierge.models.recommend.RecommenderFeatures.IN_SESSION_CATEGORY;
import static dev.concierge.models.recommend.RecommenderFeatures.ITEM_POPULARITY;
import static dev.concierge.models.recommend.RecommenderFeatures.PRICE_FIT;
import static dev.concierge.models.recommend.RecommenderFeatures.RECENCY;
import static dev.concierge.models.recommend.RecommenderFeatures.SAME_CATEGORY_AS_CONTEXT;
import static dev.concierge.models.recommend.RecommenderFeatures.SESSION_DEPTH;
import static dev.concierge.models.recommend.RecommenderFeatures.TASTE_AFFINITY;
import static dev.concierge.models.recommend.RecommenderFeatures.TOUCHED_RECENTLY;
import static dev.concierge.models.recommend.RecommenderFeatures.TRENDING;
import static dev.concierge.models.recommend.RecommenderFeatures.VIEWED_BEFORE;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Interner;
import dev.concierge.models.Vocabulary;
import java.util.function.IntConsumer;

/**
 * The model features of one decision: what concerns the shopper alone is computed once, what
 * concerns a candidate per {@link #fill}. Also the neighbour scores that generate candidates, so the
 * neighbour lists are walked once per decision.
 *
 * <p>The shopper's items, which the collaborative features start from, are the recent items of any
 * kind and the remembered purchases: what the live state keeps (10 and 20 with the default settings).
 * The same code builds training rows, as of just before each labelled event, and serving rows, so the
 * two cannot drift apart.
 */
public final class DecisionFeatures {

  private static final double ACTIVITY_SCALE = Math.log1p(1000);
  private static final double SESSION_SCALE = Math.log1p(50);
  private static final double RECENCY_MILLIS = 24 * 3_600_000.0;

  private final FeatureState state;
  private final Vocabulary vocabulary;
  private final TableIndex tables;
  private final TrendingItems trends;
  private final int contextItem;
  private final int contextCategory;
  private final boolean sessionOpen;
  private final double activity;
  private final double recency;
  private final double sessionDepth;
  private final double averagePrice;
  private final double affinityTotal;
  private final double trendScale;
  private final IntScores coViewed;
  private final IntScores coBought;
  private final IntScores contextNeighbours;
  private final IntScores coOccurring;
  // the shopper's items that have collaborative neighbours, in the order FeatureState#forEachRecentOrPurchasedItem gives them
  private int[] collaborativeSources;
  private int collaborativeSourceCount;
  // the mean of the shopper's items' unit taste vectors; empty when the bundle has none
  private final float[] taste;
  private int tasteItems;

  /**
   * @param context the item on the current page, or {@code null}
   * @param trends  live trends, or {@code null} where there are none (training)
   */
  public DecisionFeatures(
      FeatureState state, Vocabulary vocabulary, TableIndex tables, TrendingItems trends, CatalogItem context,
      long nowMillis, FeatureSettings settings) {
    this(state, vocabulary, tables, trends, context, nowMillis, settings, new DecisionScratch());
  }

  /** @param scratch its tables are this decision's until the decision ends */
  DecisionFeatures(
      FeatureState state, Vocabulary vocabulary, TableIndex tables, TrendingItems trends, CatalogItem context,
      long nowMillis, FeatureSettings settings, DecisionScratch scratch) {
    this.coViewed = scratch.coViewed;
    this.coBought = scratch.coBought;
    this.contextNeighbours = scratch.contextNeighbours;
    this.coOccurring = scratch.coOccurring;
    coViewed.reset(DecisionScratch.NEIGHBOURS_EXPECTED);
    coBought.reset(DecisionScratch.NEIGHBOURS_EXPECTED);
    contextNeighbours.reset(DecisionScratch.NEIGHBOURS_EXPECTED);
    // the shopper's items meet the candidates by code, so those the catalog took in since need its codes
    state.adoptSharedCodes(vocabulary);
    this.state = state;
    this.vocabulary = vocabulary;
    this.tables = tables;
    this.trends = trends;
    this.contextItem = context == null ? Interner.UNKNOWN : vocabulary.items().codeOf(context.itemId());
    this.contextCategory = context == null ? Interner.UNKNOWN : vocabulary.categories().codeOf(context.category());
    long last = state.lastEventAtMillis();
    boolean anyEvent = state.eventCount() > 0;
    this.sessionOpen = anyEvent && nowMillis - last <= settings.sessionIdleTimeout().toMillis();
    this.activity = Math.min(1, Math.log1p(state.eventCount()) / ACTIVITY_SCALE);
    this.recency = anyEvent ? Math.exp(-Math.max(0, nowMillis - last) / RECENCY_MILLIS) : 0;
    this.sessionDepth = sessionOpen ? Math.min(1, Math.log1p(state.sessionEvents()) / SESSION_SCALE) : 0;
    this.averagePrice = state.averagePricePaid();
    this.affinityTotal = state.affinityTotal();
    int[] top = trends == null ? new int[0] : trends.top();
    this.trendScale = top.length == 0 ? 0 : trends.scoreOf(top[0]);
    this.taste = new float[tables.dimensions()];
    collectNeighbours();
    collectShopperItems();
  }

  private void collectNeighbours() {
    // the customer's own codes (negative) have no neighbours: the tables answer none
    for (int recent : state.recentItemCodes()) {
      if (recent == FeatureState.EMPTY) {
        break;
      }
      addAll(coViewed, tables.coViewedWith(recent), tables.coViewedWeights(recent), recent);
      addAll(coBought, tables.coPurchasedWith(recent), tables.coPurchasedWeights(recent), recent);
    }
    if (contextItem != Interner.UNKNOWN) {
      addAll(contextNeighbours, tables.coViewedWith(contextItem), tables.coViewedWeights(contextItem), contextItem);
    }
  }

  /** The collaborative neighbours and taste of the shopper's items. */
  private void collectShopperItems() {
    int[] counts = new int[2];
    state.forEachRecentOrPurchasedItem(item -> {
      counts[0]++;
      counts[1] += tables.coOccurringWith(item).length;
    });
    collaborativeSources = new int[counts[0]];
    // the shopper's items share many neighbours: half their lists' length is room enough to start with
    coOccurring.reset(counts[1] / 2);
    state.forEachRecentOrPurchasedItem(this::collectShopperItem);
    if (tasteItems > 0) {
      for (int d = 0; d < taste.length; d++) {
        taste[d] /= tasteItems;
      }
    }
  }

  private void collectShopperItem(int item) {
    addAll(coOccurring, tables.coOccurringWith(item), tables.coOccurringWeights(item), item);
    if (tables.coOccurringWith(item).length > 0 || tables.similarTo(item).length > 0) {
      collaborativeSources[collaborativeSourceCount++] = item;
    }
    int at = tables.vectorAt(item);
    if (at >= 0) {
      float[] vectors = tables.vectors();
      for (int d = 0; d < taste.length; d++) {
        taste[d] += vectors[at + d];
      }
      tasteItems++;
    }
  }

  private static void addAll(IntScores scores, int[] items, float[] weights, int source) {
    for (int i = 0; i < items.length; i++) {
      scores.add(items[i], weights[i], source);
    }
  }

  /** Writes the candidate's row into {@code row}, which has {@link RecommenderFeatures#SCHEMA} slots. */
  public void fill(CatalogItem item, double[] row) {
    fill(item, vocabulary.items().codeOf(item.itemId()), vocabulary.categories().codeOf(item.category()), row);
  }

  /** {@link #fill(CatalogItem, double[])} for an item whose shared item and category codes the caller knows. */
  void fill(CatalogItem item, int code, int category, double[] row) {
    row[CATEGORY_AFFINITY] = state.affinityFor(category, affinityTotal);
    row[IN_SESSION_CATEGORY] = sessionOpen && state.inSession(category) ? 1 : 0;
    row[VIEWED_BEFORE] = state.hasViewed(code) ? 1 : 0;
    row[CARTED_BEFORE] = state.hasCarted(code) ? 1 : 0;
    row[CO_VIEWED_WITH_RECENT] = Math.min(1, coViewed.get(code));
    row[CO_BOUGHT_WITH_RECENT] = Math.min(1, coBought.get(code));
    row[CO_VIEWED_WITH_CONTEXT] = Math.min(1, contextNeighbours.get(code));
    row[SAME_CATEGORY_AS_CONTEXT] = category != Interner.UNKNOWN && category == contextCategory ? 1 : 0;
    row[ITEM_POPULARITY] = tables.popularityOf(code);
    row[TRENDING] = trendScale > 0 ? Math.min(1, trends.scoreOf(code) / trendScale) : 0;
    row[PRICE_FIT] = averagePrice > 0 && item.price() > 0 ? priceFit(item.price()) : 0;
    row[BOUGHT_IN_CATEGORY] = state.hasPurchasedIn(category) ? 1 : 0;
    row[CUSTOMER_ACTIVITY] = activity;
    row[RECENCY] = recency;
    row[SESSION_DEPTH] = sessionDepth;
    int recency = state.recencyRank(code);
    row[TOUCHED_RECENTLY] = recency < 0 ? 0 : 1.0 / (1 + recency);
    double together = coOccurring.get(code);
    row[CO_OCCURRING_WITH_RECENT] = together / (1 + together);
    row[TASTE_AFFINITY] = tasteAffinity(code);
  }

  private double tasteAffinity(int item) {
    int at = tables.vectorAt(item);
    if (tasteItems == 0 || at < 0) {
      return 0;
    }
    return dot(taste, 0, tables.vectors(), at, taste.length);
  }

  /**
   * exp(-|ln(price / average)|), which is the smaller of the two ratios: 1 at the shopper's usual price,
   * a half at twice or half of it. An infinite price against an infinite average (events the contract
   * refuses) is no fit, not NaN.
   */
  private double priceFit(double price) {
    double ratio = price / averagePrice;
    double fit = ratio < 1 ? ratio : 1 / ratio;
    return Double.isFinite(fit) ? fit : 0;
  }

  /** Items seen in sessions with the shopper's recent items or the current page: candidates. */
  void forEachNeighbour(IntConsumer each) {
    coViewed.forEachKey(each);
    coBought.forEachKey(each);
    contextNeighbours.forEachKey(each);
  }

  /**
   * Collaborative candidates: the {@code most} items that co-occur most with the shopper's items, by
   * their summed weight (what the item-kNN baseline ranks by, so the model always gets to rank its
   * best), and as many of the items nearest to them by taste vector. The taste neighbours are taken
   * rank by rank across the shopper's items (every item's nearest, then every item's second, ...),
   * which needs no sorting and lets no single item crowd out the others.
   */
  void forEachCollaborative(int most, IntConsumer each) {
    coOccurring.forEachTop(most, each);
    roundRobin(TableIndex::similarTo, most, each);
  }

  private void roundRobin(NeighbourLists lists, int most, IntConsumer each) {
    int offered = 0;
    for (int rank = 0; offered < most; rank++) {
      boolean any = false;
      for (int i = 0; i < collaborativeSourceCount && offered < most; i++) {
        int[] neighbours = lists.of(tables, collaborativeSources[i]);
        if (rank < neighbours.length) {
          any = true;
          offered++;
          each.accept(neighbours[rank]);
        }
      }
      if (!any) {
        return;
      }
    }
  }

  /** One kind of the bundle's neighbour lists. */
  @FunctionalInterface
  private interface NeighbourLists {
    int[] of(TableIndex tables, int item);
  }

  /** The shopper's item that most ties {@code item} to them by co-occurrence, or -1. */
  int strongestCoOccurrenceSource(int item) {
    return coOccurring.strongestSource(item);
  }

  /** The shopper's item whose taste vector is nearest to {@code item}'s, or -1. */
  int nearestShopperItem(int item) {
    int at = tables.vectorAt(item);
    if (at < 0) {
      return -1;
    }
    int[] nearest = {-1};
    double[] best = {Double.NEGATIVE_INFINITY};
    IntConsumer consider = mine -> {
      int mineAt = tables.vectorAt(mine);
      if (mine != item && mineAt >= 0) {
        double dot = dot(tables.vectors(), at, tables.vectors(), mineAt, taste.length);
        if (dot > best[0]) {
          best[0] = dot;
          nearest[0] = mine;
        }
      }
    };
    state.forEachRecentOrPurchasedItem(consider);
    return nearest[0];
  }

  /**
   * The dot product of {@code a[aAt..]} and {@code b[bAt..]} over {@code length} values, summed in four
   * lanes: one chain of dependent additions would make every candidate wait on the adder's latency.
   */
  private static double dot(float[] a, int aAt, float[] b, int bAt, int length) {
    float lane0 = 0;
    float lane1 = 0;
    float lane2 = 0;
    float lane3 = 0;
    int d = 0;
    for (; d + 3 < length; d += 4) {
      lane0 += a[aAt + d] * b[bAt + d];
      lane1 += a[aAt + d + 1] * b[bAt + d + 1];
      lane2 += a[aAt + d + 2] * b[bAt + d + 2];
      lane3 += a[aAt + d + 3] * b[bAt + d + 3];
    }
    for (; d < length; d++) {
      lane0 += a[aAt + d] * b[bAt + d];
    }
    return (double) lane0 + lane1 + lane2 + lane3;
  }

  /** The recent item that most ties {@code item} to the shopper by co-viewing, or -1. */
  int strongestCoViewSource(int item) {
    return coViewed.strongestSource(item);
  }

  int strongestCoBuySource(int item) {
    return coBought.strongestSource(item);
  }

  int contextItem() {
    return contextItem;
  }

  double averagePrice() {
    return averagePrice;
  }
}
