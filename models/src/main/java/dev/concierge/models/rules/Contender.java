package dev.concierge.models.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A candidate while {@link RuleEngine} ranks it: its boosted score, pin, placement and notes. */
final class Contender {

  static final int NOT_PINNED = 0;

  /** Highest final score first; equal scores by item id, so answers never depend on input order. */
  static final Comparator<Contender> BEST_FIRST =
      (a, b) -> {
        int byScore = Double.compare(b.finalScore, a.finalScore);
        return byScore != 0 ? byScore : a.itemId().compareTo(b.itemId());
      };

  private final ScoredCandidate candidate;
  private double finalScore;
  private List<String> notes = List.of();
  int pin = NOT_PINNED;
  boolean placed;

  Contender(ScoredCandidate candidate) {
    this.candidate = candidate;
    this.finalScore = candidate.score();
  }

  String itemId() {
    return candidate.item().itemId();
  }

  String category() {
    return candidate.item().category();
  }

  void boost(double factor, String cause) {
    if (factor == 1) {
      return; // how a request cancels a configured boost
    }
    // dividing a negative score is what moves it up, as multiplying a positive one does
    finalScore = finalScore >= 0 ? finalScore * factor : finalScore / factor;
    note((factor > 1 ? "boosted x" : "buried x") + factor + " (" + cause + ")");
  }

  void note(String note) {
    if (notes.isEmpty()) {
      notes = new ArrayList<>(2);
    }
    notes.add(note);
  }

  RankedCandidate toRanked() {
    return new RankedCandidate(candidate, finalScore, notes);
  }
}
