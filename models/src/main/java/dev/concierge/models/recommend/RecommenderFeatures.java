package dev.concierge.models.recommend;

import dev.concierge.models.scoring.FeatureSchema;

/**
 * The features every recommender model reads, in row order. Changing what one of them means, or the
 * list, needs a new {@link #VERSION}: bundles trained on other feature code are then refused.
 */
public final class RecommenderFeatures {

  public static final String VERSION = "recommender-v3";

  public static final int CATEGORY_AFFINITY = 0;
  public static final int IN_SESSION_CATEGORY = 1;
  public static final int VIEWED_BEFORE = 2;
  public static final int CARTED_BEFORE = 3;
  public static final int CO_VIEWED_WITH_RECENT = 4;
  public static final int CO_BOUGHT_WITH_RECENT = 5;
  public static final int CO_VIEWED_WITH_CONTEXT = 6;
  public static final int SAME_CATEGORY_AS_CONTEXT = 7;
  public static final int ITEM_POPULARITY = 8;
  public static final int TRENDING = 9;
  public static final int PRICE_FIT = 10;
  public static final int BOUGHT_IN_CATEGORY = 11;
  public static final int CUSTOMER_ACTIVITY = 12;
  public static final int RECENCY = 13;
  public static final int SESSION_DEPTH = 14;
  public static final int TOUCHED_RECENTLY = 15;
  /** Summed co-occurrence weight of the candidate with the shopper's items, squashed into [0, 1). */
  public static final int CO_OCCURRING_WITH_RECENT = 16;
  /** Cosine of the candidate's taste vector with the mean of the shopper's items' vectors. */
  public static final int TASTE_AFFINITY = 17;

  public static final FeatureSchema SCHEMA =
      FeatureSchema.of(
          VERSION,
          "category_affinity",
          "in_session_category",
          "viewed_before",
          "carted_before",
          "co_viewed_with_recent",
          "co_bought_with_recent",
          "co_viewed_with_context",
          "same_category_as_context",
          "item_popularity",
          "trending",
          "price_fit",
          "bought_in_category",
          "customer_activity",
          "recency",
          "session_depth",
          "touched_recently",
          "co_occurring_with_recent",
          "taste_affinity");

  private RecommenderFeatures() {}
}
