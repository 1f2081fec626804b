package dev.concierge.offline.backtest;

import dev.concierge.models.FeatureState;
import dev.concierge.models.ShopperView;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.RankedCandidate;
import dev.concierge.models.rules.RuleEngine;
import dev.concierge.models.rules.ScoredCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * A baseline's candidates through the same business rules as served answers (bought and out-of-stock
 * items stay out), so that it is not credited with items no shopper would have been shown.
 */
final class RuledList {

  private RuledList() {}

  /** The ids of the best {@code limit} candidates the default rules keep, best first. */
  static List<String> itemIds(List<ScoredCandidate> candidates, FeatureState state, Vocabulary vocabulary, int limit) {
    // the rules know purchases by shared code, which items the catalog took in since may now have
    state.adoptSharedCodes(vocabulary);
    List<RankedCandidate> ranked =
        RuleEngine.apply(candidates, new ShopperView(state, vocabulary), BusinessRules.DEFAULT, limit);
    List<String> itemIds = new ArrayList<>(ranked.size());
    for (RankedCandidate candidate : ranked) {
      itemIds.add(candidate.itemId());
    }
    return itemIds;
  }
}
