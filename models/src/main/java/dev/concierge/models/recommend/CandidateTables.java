package dev.concierge.models.recommend;

import java.util.List;
import java.util.Map;

/**
 * The offline part of candidate generation, built from replayed history and shipped in a model
 * bundle: item-to-item neighbours from sessions, and how popular each item was.
 *
 * @param coViewed    per item, the items viewed in the same sessions, strongest first
 * @param coPurchased per item, the items bought in the same sessions, strongest first
 * @param popularity  per item, its interactions in the history (clicks, carts and purchases weigh more)
 */
public record CandidateTables(
    Map<String, List<Neighbour>> coViewed,
    Map<String, List<Neighbour>> coPurchased,
    Map<String, Double> popularity) {

  public static final CandidateTables EMPTY = new CandidateTables(Map.of(), Map.of(), Map.of());

  public CandidateTables {
    coViewed = Map.copyOf(coViewed);
    coPurchased = Map.copyOf(coPurchased);
    popularity = Map.copyOf(popularity);
  }
}
