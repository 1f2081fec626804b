package dev.concierge.models.rules;

import java.util.List;

/**
 * A candidate as the business rules left it.
 *
 * @param finalScore the model's score times any boosts; pins and the diversity cap may still order
 *                   the answer differently
 * @param ruleNotes  what the rules did to this item (boosted, pinned, held back), for the reasons
 */
public record RankedCandidate(ScoredCandidate candidate, double finalScore, List<String> ruleNotes) {

  public RankedCandidate {
    ruleNotes = List.copyOf(ruleNotes);
  }

  public String itemId() {
    return candidate.item().itemId();
  }
}
