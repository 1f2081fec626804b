package dev.concierge.models.recommend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The offline part of candidate generation, built from replayed history and shipped in a model
 * bundle: item-to-item neighbours, how popular each item was, and the items' taste vectors.
 *
 * @param coViewed    per item, the items viewed in the same sessions, strongest first
 * @param coPurchased per item, the items bought in the same sessions, strongest first
 * @param popularity  per item, its interactions in the history (clicks, carts and purchases weigh more)
 * @param coOccurring per item, the items the same customers touched shortly before or after it, across
 *     sessions, damped by popularity; strongest first
 * @param similar     per item, the items nearest to it by {@code embeddings}, strongest first
 * @param embeddings  the items' vectors from matrix factorisation
 */
public record CandidateTables(
    Map<String, List<Neighbour>> coViewed,
    Map<String, List<Neighbour>> coPurchased,
    Map<String, Double> popularity,
    Map<String, List<Neighbour>> coOccurring,
    Map<String, List<Neighbour>> similar,
    ItemEmbeddings embeddings) {

  public static final CandidateTables EMPTY = new CandidateTables(Map.of(), Map.of(), Map.of());

  public CandidateTables {
    coViewed = Map.copyOf(coViewed);
    coPurchased = Map.copyOf(coPurchased);
    popularity = Map.copyOf(popularity);
    coOccurring = Map.copyOf(coOccurring);
    similar = Map.copyOf(similar);
    Objects.requireNonNull(embeddings, "embeddings");
  }

  /** Tables with session neighbours and popularity only, and nothing learnt across customers' histories. */
  public CandidateTables(
      Map<String, List<Neighbour>> coViewed, Map<String, List<Neighbour>> coPurchased, Map<String, Double> popularity) {
    this(coViewed, coPurchased, popularity, Map.of(), Map.of(), ItemEmbeddings.NONE);
  }
}
