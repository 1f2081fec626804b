package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.scoring.Scorer;
import java.util.HashMap;
import java.util.Map;

/**
 * A model ready to serve on this node: its version, its compiled scorer, and its candidate tables
 * indexed by this node's item codes. Immutable; hot swap replaces the whole object.
 */
public record ServingModel(String version, Scorer scorer, TableIndex tables) {

  /** The version a node serves before any trained bundle is active. */
  public static final String HEURISTIC_VERSION = "popularity-affinity-v1";

  /**
   * Hand-set weights, with the catalog's own popularity standing in for a bundle's history and no
   * item neighbours.
   */
  public static ServingModel heuristic(Catalog catalog, Vocabulary vocabulary, int popularPerList) {
    Map<String, Double> popularity = new HashMap<>(catalog.size() * 2);
    for (CatalogItem item : catalog.mostPopular()) {
      popularity.put(item.itemId(), Math.max(0, item.popularity()));
    }
    CandidateTables tables = new CandidateTables(Map.of(), Map.of(), popularity);
    return new ServingModel(
        HEURISTIC_VERSION, new HeuristicScorer(), TableIndex.of(tables, catalog, vocabulary, popularPerList));
  }
}
