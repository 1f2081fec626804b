package dev.concierge.models.recommend;

import static dev.concierge.models.recommend.RecommenderFeatures.BOUGHT_IN_CATEGORY;
import static dev.concierge.models.recommend.RecommenderFeatures.CARTED_BEFORE;
import static dev.concierge.models.recommend.RecommenderFeatures.CATEGORY_AFFINITY;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_BOUGHT_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_OCCURRING_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_VIEWED_WITH_CONTEXT;
import static dev.concierge.models.recommend.RecommenderFeatures.CO_VIEWED_WITH_RECENT;
import static dev.concierge.models.recommend.RecommenderFeatures.IN_SESSION_CATEGORY;
import static dev.concierge.models.recommend.RecommenderFeatures.ITEM_POPULARITY;
import static dev.concierge.models.recommend.RecommenderFeatures.PRICE_FIT;
import static dev.concierge.models.recommend.RecommenderFeatures.SAME_CATEGORY_AS_CONTEXT;
import static dev.concierge.models.recommend.RecommenderFeatures.TASTE_AFFINITY;
import static dev.concierge.models.recommend.RecommenderFeatures.TOUCHED_RECENTLY;
import static dev.concierge.models.recommend.RecommenderFeatures.TRENDING;
import static dev.concierge.models.recommend.RecommenderFeatures.VIEWED_BEFORE;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.FeatureState;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the model's per-feature contributions into the reasons a shopper reads: the features that
 * pushed the item up most, in words, with the category, the item or the count behind them.
 */
final class ReasonWriter {

  private static final String FALLBACK_REASON = "popular with shoppers";

  private final FeatureState state;
  private final Vocabulary vocabulary;
  private final Catalog catalog;
  private final DecisionFeatures features;
  private final int reasonsPerItem;

  ReasonWriter(FeatureState state, Vocabulary vocabulary, Catalog catalog, DecisionFeatures features, int reasonsPerItem) {
    this.state = state;
    this.vocabulary = vocabulary;
    this.catalog = catalog;
    this.features = features;
    this.reasonsPerItem = reasonsPerItem;
  }

  /** @param row the candidate's features: a feature that is absent (0) is never given as a reason */
  List<String> reasons(CatalogItem item, double[] row, double[] contributions) {
    List<String> reasons = new ArrayList<>(reasonsPerItem);
    boolean[] used = new boolean[contributions.length];
    for (int i = 0; i < row.length; i++) {
      used[i] = row[i] == 0;
    }
    while (reasons.size() < reasonsPerItem) {
      int strongest = strongestUnused(contributions, used);
      if (strongest < 0) {
        break;
      }
      used[strongest] = true;
      String reason = describe(strongest, item);
      if (reason != null) {
        reasons.add(reason);
      }
    }
    if (reasons.isEmpty()) {
      reasons.add(FALLBACK_REASON);
    }
    return reasons;
  }

  private static int strongestUnused(double[] contributions, boolean[] used) {
    int strongest = -1;
    for (int i = 0; i < contributions.length; i++) {
      if (!used[i] && contributions[i] > 0 && (strongest < 0 || contributions[i] > contributions[strongest])) {
        strongest = i;
      }
    }
    return strongest;
  }

  /** The feature in words, or {@code null} for one that says nothing about this item. */
  private String describe(int feature, CatalogItem item) {
    int code = vocabulary.items().codeOf(item.itemId());
    return switch (feature) {
      case CATEGORY_AFFINITY -> "matches your interest in " + item.category() + " ("
          + Math.round(100 * state.affinityFor(vocabulary.categories().codeOf(item.category()))) + "% of your recent activity)";
      case IN_SESSION_CATEGORY -> "viewed " + viewedIn(item.category()) + " items in " + item.category() + " this session";
      case VIEWED_BEFORE -> "you viewed it recently";
      case CARTED_BEFORE -> "it is in your cart";
      case CO_VIEWED_WITH_RECENT -> "often viewed with " + itemName(features.strongestCoViewSource(code));
      case CO_BOUGHT_WITH_RECENT -> "often bought with " + itemName(features.strongestCoBuySource(code));
      case CO_VIEWED_WITH_CONTEXT -> "often viewed with " + itemName(features.contextItem());
      case SAME_CATEGORY_AS_CONTEXT -> "more " + item.category() + " like the one you are looking at";
      case ITEM_POPULARITY -> FALLBACK_REASON;
      case TRENDING -> "trending right now";
      case PRICE_FIT -> "close to the prices you usually pay (about " + Math.round(features.averagePrice()) + ")";
      case BOUGHT_IN_CATEGORY -> "you have bought " + item.category() + " before";
      case TOUCHED_RECENTLY -> "you looked at it a moment ago";
      case CO_OCCURRING_WITH_RECENT ->
          "shoppers who chose " + itemName(features.strongestCoOccurrenceSource(code)) + " chose it too";
      case TASTE_AFFINITY -> similarTo(features.nearestShopperItem(code));
      default -> null;
    };
  }

  private int viewedIn(String category) {
    int count = 0;
    for (int code : state.viewedItemCodes()) {
      if (code == FeatureState.EMPTY) {
        break;
      }
      CatalogItem viewed = catalog.item(state.itemName(code, vocabulary));
      if (viewed != null && viewed.category().equals(category)) {
        count++;
      }
    }
    return count;
  }

  private String similarTo(int shopperItem) {
    return shopperItem < 0 ? null : "similar to " + itemName(shopperItem) + " from your history";
  }

  private String itemName(int code) {
    return code < 0 ? "items you looked at" : vocabulary.items().nameOf(code);
  }
}
