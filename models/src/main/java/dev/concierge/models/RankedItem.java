package dev.concierge.models;

import java.util.List;

/** One recommended item, its score in [0, 1] and the human-readable reasons for it. */
public record RankedItem(String itemId, double score, List<String> reasons) {

  public RankedItem {
    reasons = List.copyOf(reasons);
  }
}
