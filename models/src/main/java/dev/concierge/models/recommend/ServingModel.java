package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.scoring.ModelBytes;
import dev.concierge.models.scoring.Scorer;
import dev.concierge.models.scoring.ScorerCompiler;
import java.util.HashMap;
import java.util.Map;

/**
 * A model ready to serve on this node: its version, its compiled scorer, and its candidate tables
 * indexed by this node's item codes. Immutable; hot swap replaces the whole object.
 */
public record ServingModel(String version, Scorer scorer, TableIndex tables) {

  /** The version a node serves before any trained bundle is active. */
  public static final String HEURISTIC_VERSION = "popularity-affinity-v1";

  public static final String POPULARITY_VERSION = "popularity";

  // written by warm-ups so that the JIT cannot drop the scoring as unused
  private static volatile double warmUpResult;

  /**
   * Compiles {@code bundle} for this node: checks that its feature schema is the one this code
   * computes, loads the Tribuo model, compiles its scorer and indexes its tables.
   *
   * @throws dev.concierge.models.scoring.FeatureSchemaMismatchException when the schemas differ
   */
  public static ServingModel load(ModelBundle bundle, Catalog catalog, Vocabulary vocabulary, int popularPerList) {
    bundle.schema().validateAgainst(RecommenderFeatures.SCHEMA);
    Scorer scorer = ScorerCompiler.compile(ModelBytes.fromBytes(bundle.model()), bundle.schema());
    return new ServingModel(bundle.version(), scorer, TableIndex.of(bundle.tables(), catalog, vocabulary, popularPerList));
  }

  /** This model with its per-category popular lists filed by {@code catalog}; itself when they already are. */
  public ServingModel filedBy(Catalog catalog) {
    TableIndex filed = tables.filedBy(catalog);
    return filed == tables ? this : new ServingModel(version, scorer, filed);
  }

  /**
   * Scores made-up rows until the JIT has compiled the scorer, so that the first shoppers after a
   * swap do not pay for it (on a busy node that can exceed the decision timeout).
   */
  public ServingModel warmedUp(int rows) {
    double[] row = new double[scorer.schema().size()];
    double[] contributions = new double[row.length];
    java.util.Random random = new java.util.Random(rows);
    double sink = 0;
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < row.length; f++) {
        row[f] = random.nextBoolean() ? 0 : random.nextDouble();
      }
      sink += scorer.score(row);
      scorer.contributions(row, contributions);
    }
    warmUpResult = sink;
    return this;
  }

  /** Ranks candidates by how popular they were in {@code tables}' history alone: the baseline models must beat. */
  public static ServingModel popularity(CandidateTables tables, Catalog catalog, Vocabulary vocabulary, int popularPerList) {
    return new ServingModel(
        POPULARITY_VERSION, new PopularityScorer(), TableIndex.of(tables, catalog, vocabulary, popularPerList));
  }

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
