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
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A bundle's {@link CandidateTables} indexed by this node's item codes, built once when the bundle
 * loads, so a decision reads primitive arrays instead of maps of strings. The per-category popular
 * lists are the one part that depends on the catalog (which category an item is in, and whether the
 * catalog holds it yet); {@link #filedBy} refiles them when the catalog changes, sharing the rest.
 */
public final class TableIndex {

  private static final int[] NONE = new int[0];
  private static final int NO_VECTOR = -1;

  private final NeighbourTable coViewed;
  private final NeighbourTable coPurchased;
  private final NeighbourTable coOccurring;
  private final NeighbourTable similar;
  private final float[] popularity;
  private final int dimensions;
  // per item code, the offset of its unit vector in vectors, or NO_VECTOR
  private final int[] vectorAt;
  private final float[] vectors;
  private final int[] mostPopular;
  // every item of the bundle's popularity, most popular first: what the per-category lists are filed from
  private final int[] byPopularity;
  private final Vocabulary vocabulary;
  private final int popularPerList;
  private final Catalog filedBy;
  // per category code: its most popular items; categories learnt since filing have none yet
  private final int[][] mostPopularByCategory;

  private TableIndex(TableIndex tables, Catalog filedBy) {
    this(
        tables.coViewed, tables.coPurchased, tables.coOccurring, tables.similar, tables.popularity, tables.dimensions,
        tables.vectorAt, tables.vectors, tables.byPopularity, tables.vocabulary, tables.popularPerList, filedBy);
  }

  private TableIndex(
      NeighbourTable coViewed, NeighbourTable coPurchased, NeighbourTable coOccurring, NeighbourTable similar,
      float[] popularity, int dimensions, int[] vectorAt, float[] vectors, int[] byPopularity, Vocabulary vocabulary,
      int popularPerList, Catalog filedBy) {
    this.coViewed = coViewed;
    this.coPurchased = coPurchased;
    this.coOccurring = coOccurring;
    this.similar = similar;
    this.popularity = popularity;
    this.dimensions = dimensions;
    this.vectorAt = vectorAt;
    this.vectors = vectors;
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
    // in sorted order: the tables' maps iterate in an order that changes from one JVM to the next, and
    // the codes break ties between equal scores, so training on the same history gives the same rows
    SortedSet<String> known = new TreeSet<>(tables.popularity().keySet());
    known.addAll(tables.coViewed().keySet());
    known.addAll(tables.coPurchased().keySet());
    known.addAll(tables.coOccurring().keySet());
    known.addAll(tables.similar().keySet());
    known.addAll(tables.embeddings().items());
    known.forEach(items::intern);
    int size = items.size();
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
    ItemEmbeddings embeddings = tables.embeddings();
    int[] vectorAt = new int[size];
    Arrays.fill(vectorAt, NO_VECTOR);
    for (int i = 0; i < embeddings.size(); i++) {
      int code = items.codeOf(embeddings.items().get(i));
      if (code != Interner.UNKNOWN && code < size) {
        vectorAt[code] = i * embeddings.dimensions();
      }
    }
    return new TableIndex(
        NeighbourTable.of(tables.coViewed(), items, size), NeighbourTable.of(tables.coPurchased(), items, size),
        NeighbourTable.of(tables.coOccurring(), items, size), NeighbourTable.of(tables.similar(), items, size),
        popularity, embeddings.dimensions(), vectorAt, embeddings.vectors(), toArray(ordered), vocabulary,
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
    return new TableIndex(this, catalog);
  }

  private static int[][] fileByCategory(
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
    int[][] mostPopularByCategory = new int[vocabulary.categories().size()][];
    Arrays.fill(mostPopularByCategory, NONE);
    perCategory.forEach((category, codes) -> mostPopularByCategory[category] = toArray(codes));
    return mostPopularByCategory;
  }

  private static int[] toArray(List<Integer> codes) {
    int[] array = new int[codes.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = codes.get(i);
    }
    return array;
  }

  public int[] coViewedWith(int item) {
    return coViewed.of(item);
  }

  public float[] coViewedWeights(int item) {
    return coViewed.weightsOf(item);
  }

  public int[] coPurchasedWith(int item) {
    return coPurchased.of(item);
  }

  public float[] coPurchasedWeights(int item) {
    return coPurchased.weightsOf(item);
  }

  /** The items customers touched shortly before or after {@code item}, across sessions, strongest first. */
  public int[] coOccurringWith(int item) {
    return coOccurring.of(item);
  }

  public float[] coOccurringWeights(int item) {
    return coOccurring.weightsOf(item);
  }

  /** The items nearest to {@code item} by taste vector, strongest first. */
  public int[] similarTo(int item) {
    return similar.of(item);
  }

  public float[] similarWeights(int item) {
    return similar.weightsOf(item);
  }

  /** The length of the taste vectors; 0 when the bundle has none. */
  public int dimensions() {
    return dimensions;
  }

  /** The offset of the item's unit taste vector in {@link #vectors()}, or -1 when it has none. */
  public int vectorAt(int item) {
    return item >= 0 && item < vectorAt.length ? vectorAt[item] : NO_VECTOR;
  }

  /** All taste vectors, one after another: read, never written. */
  float[] vectors() {
    return vectors;
  }

  /** How popular the item was in the bundle's history, log-scaled into [0, 1]. */
  public double popularityOf(int item) {
    return item >= 0 && item < popularity.length ? popularity[item] : 0;
  }

  public int[] mostPopular() {
    return mostPopular;
  }

  public int[] mostPopularIn(int category) {
    return category >= 0 && category < mostPopularByCategory.length ? mostPopularByCategory[category] : NONE;
  }
}
