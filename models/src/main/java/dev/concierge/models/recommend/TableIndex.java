package dev.concierge.models.recommend;

import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.Interner;
import dev.concierge.models.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's {@link CandidateTables} indexed by this node's item codes, built once when the bundle
 * loads, so a decision reads primitive arrays instead of maps of strings. The per-category popular
 * lists are the one part that depends on the catalog (which category an item is in, and whether the
 * catalog holds it yet); {@link #filedBy} refiles them when the catalog changes, sharing the rest.
 */
public final class TableIndex {

  private static final int[] NONE = new int[0];
  private static final float[] NO_WEIGHTS = new float[0];

  private final int[][] coViewed;
  private final float[][] coViewedWeights;
  private final int[][] coPurchased;
  private final float[][] coPurchasedWeights;
  private final float[] popularity;
  private final int[] mostPopular;
  // every item of the bundle's popularity, most popular first: what the per-category lists are filed from
  private final int[] byPopularity;
  private final Vocabulary vocabulary;
  private final int popularPerList;
  private final Catalog filedBy;
  private final Map<Integer, int[]> mostPopularByCategory;

  private TableIndex(
      int[][] coViewed, float[][] coViewedWeights, int[][] coPurchased, float[][] coPurchasedWeights,
      float[] popularity, int[] byPopularity, Vocabulary vocabulary, int popularPerList, Catalog filedBy) {
    this.coViewed = coViewed;
    this.coViewedWeights = coViewedWeights;
    this.coPurchased = coPurchased;
    this.coPurchasedWeights = coPurchasedWeights;
    this.popularity = popularity;
    this.byPopularity = byPopularity;
    this.mostPopular = Arrays.copyOf(byPopularity, Math.min(popularPerList, byPopularity.length));
    this.vocabulary = vocabulary;
    this.popularPerList = popularPerList;
    this.filedBy = filedBy;
    this.mostPopularByCategory = fileByCategory(byPopularity, filedBy, vocabulary, popularPerList);
  }

  /**
   * @param catalog        files the popular items under their categories
   * @param popularPerList how many items the popular lists (overall and per category) keep
   */
  public static TableIndex of(CandidateTables tables, Catalog catalog, Vocabulary vocabulary, int popularPerList) {
    Interner items = vocabulary.items();
    tables.popularity().keySet().forEach(items::intern);
    tables.coViewed().keySet().forEach(items::intern);
    tables.coPurchased().keySet().forEach(items::intern);
    int size = items.size();
    int[][] coViewed = new int[size][];
    float[][] coViewedWeights = new float[size][];
    int[][] coPurchased = new int[size][];
    float[][] coPurchasedWeights = new float[size][];
    index(tables.coViewed(), items, coViewed, coViewedWeights);
    index(tables.coPurchased(), items, coPurchased, coPurchasedWeights);
    float[] popularity = new float[size];
    double maxLog = 0;
    for (double count : tables.popularity().values()) {
      maxLog = Math.max(maxLog, Math.log1p(count));
    }
    List<Map.Entry<String, Double>> byPopularity = new ArrayList<>(tables.popularity().entrySet());
    byPopularity.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Integer> ordered = new ArrayList<>(byPopularity.size());
    for (Map.Entry<String, Double> entry : byPopularity) {
      int code = items.codeOf(entry.getKey());
      if (code == Interner.UNKNOWN) {
        continue;
      }
      popularity[code] = maxLog == 0 ? 0 : (float) (Math.log1p(entry.getValue()) / maxLog);
      ordered.add(code);
    }
    return new TableIndex(
        coViewed, coViewedWeights, coPurchased, coPurchasedWeights, popularity, toArray(ordered), vocabulary,
        popularPerList, catalog);
  }

  /**
   * This index with its per-category lists filed by {@code catalog}: an item that moved to another
   * category is listed there, one the catalog newly holds joins its category. The same index when it
   * is already filed by that catalog.
   */
  public TableIndex filedBy(Catalog catalog) {
    if (catalog == filedBy) {
      return this;
    }
    return new TableIndex(
        coViewed, coViewedWeights, coPurchased, coPurchasedWeights, popularity, byPopularity, vocabulary,
        popularPerList, catalog);
  }

  private static Map<Integer, int[]> fileByCategory(
      int[] byPopularity, Catalog catalog, Vocabulary vocabulary, int popularPerList) {
    Map<Integer, List<Integer>> perCategory = new HashMap<>();
    for (int code : byPopularity) {
      CatalogItem item = catalog.item(vocabulary.items().nameOf(code));
      if (item != null) {
        List<Integer> list =
            perCategory.computeIfAbsent(vocabulary.categories().intern(item.category()), c -> new ArrayList<>());
        if (list.size() < popularPerList) {
          list.add(code);
        }
      }
    }
    Map<Integer, int[]> mostPopularByCategory = new HashMap<>();
    perCategory.forEach((category, codes) -> mostPopularByCategory.put(category, toArray(codes)));
    return Map.copyOf(mostPopularByCategory);
  }

  private static void index(Map<String, List<Neighbour>> table, Interner items, int[][] codes, float[][] weights) {
    table.forEach(
        (itemId, neighbours) -> {
          int code = items.codeOf(itemId);
          int[] neighbourCodes = new int[neighbours.size()];
          float[] neighbourWeights = new float[neighbours.size()];
          int size = 0;
          for (Neighbour neighbour : neighbours) {
            int neighbourCode = items.intern(neighbour.itemId());
            if (neighbourCode != Interner.UNKNOWN && neighbourCode < codes.length) {
              neighbourCodes[size] = neighbourCode;
              neighbourWeights[size++] = neighbour.weight();
            }
          }
          if (code != Interner.UNKNOWN) {
            codes[code] = Arrays.copyOf(neighbourCodes, size);
            weights[code] = Arrays.copyOf(neighbourWeights, size);
          }
        });
  }

  private static int[] toArray(List<Integer> codes) {
    int[] array = new int[codes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = codes.get(i);
    }
    return array;
  }

  public int[] coViewedWith(int item) {
    return item >= 0 && item < coViewed.length && coViewed[item] != null ? coViewed[item] : NONE;
  }

  public float[] coViewedWeights(int item) {
    return item >= 0 && item < coViewedWeights.length && coViewedWeights[item] != null ? coViewedWeights[item] : NO_WEIGHTS;
  }

  public int[] coPurchasedWith(int item) {
    return item >= 0 && item < coPurchased.length && coPurchased[item] != null ? coPurchased[item] : NONE;
  }

  public float[] coPurchasedWeights(int item) {
    return item >= 0 && item < coPurchasedWeights.length && coPurchasedWeights[item] != null
        ? coPurchasedWeights[item]
        : NO_WEIGHTS;
  }

  /** How popular the item was in the bundle's history, log-scaled into [0, 1]. */
  public double popularityOf(int item) {
    return item >= 0 && item < popularity.length ? popularity[item] : 0;
  }

  public int[] mostPopular() {
    return mostPopular;
  }

  public int[] mostPopularIn(int category) {
    return mostPopularByCategory.getOrDefault(category, NONE);
  }
}
