package dev.concierge.models;

/**
 * How the popularity-and-affinity ranker mixes its signals.
 *
 * @param affinityWeight share of the score that comes from the shopper's category affinity, in [0, 1]
 * @param poolPerSource  how many popular items each source (overall, and each favourite category) offers
 * @param favouriteCategories how many of the shopper's strongest categories contribute candidates
 */
public record RankingSettings(double affinityWeight, int poolPerSource, int favouriteCategories) {

  public RankingSettings {
    if (affinityWeight < 0 || affinityWeight > 1) {
      throw new IllegalArgumentException("affinityWeight must be in [0, 1], was " + affinityWeight);
    }
    if (poolPerSource < 1 || favouriteCategories < 0) {
      throw new IllegalArgumentException("poolPerSource must be >= 1 and favouriteCategories >= 0");
    }
  }
}
