package dev.concierge.offline.simulation;

import dev.concierge.models.CatalogItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * The catalog as the simulated shoppers see it: items by index (their position in the catalog),
 * grouped by category and hidden cluster, and drawn by popularity.
 */
final class Assortment {

  /** Added to every popularity, so that items without one (0 on the wire) are still found. */
  private static final double POPULARITY_SMOOTHING = 1.0;
  /** Price floor for the log scale shoppers judge prices on; keeps free items finite. */
  private static final double MIN_PRICE = 0.01;

  private final List<CatalogItem> items;
  private final int[] categoryOf;
  private final double[] logPrice;
  private final double minLogPrice;
  private final double maxLogPrice;
  private final PopularityPicker[] byCategory;
  private final PopularityPicker[] byCluster;
  private final ItemClusters clusters;

  Assortment(List<CatalogItem> catalog, SplittableRandom random) {
    if (catalog.isEmpty()) {
      throw new IllegalArgumentException("the catalog is empty; shoppers need items to browse");
    }
    items = List.copyOf(catalog);
    categoryOf = new int[items.size()];
    logPrice = new double[items.size()];
    double[] weight = new double[items.size()];
    Map<String, Integer> categoryIndex = new LinkedHashMap<>();
    List<List<Integer>> categoryMembers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      CatalogItem item = items.get(i);
      if (!seen.add(item.itemId())) {
        throw new IllegalArgumentException("the catalog lists item '" + item.itemId() + "' twice");
      }
      Integer category = categoryIndex.get(item.category());
      if (category == null) {
        category = categoryIndex.size();
        categoryIndex.put(item.category(), category);
        categoryMembers.add(new ArrayList<>());
      }
      categoryMembers.get(category).add(i);
      categoryOf[i] = category;
      logPrice[i] = StrictMath.log(Math.max(MIN_PRICE, item.price()));
      weight[i] = Math.max(0, item.popularity()) + POPULARITY_SMOOTHING;
    }
    minLogPrice = Arrays.stream(logPrice).min().orElseThrow();
    maxLogPrice = Arrays.stream(logPrice).max().orElseThrow();

    List<int[]> members = categoryMembers.stream().map(Assortment::toArray).toList();
    byCategory = members.stream().map(m -> new PopularityPicker(m, weight)).toArray(PopularityPicker[]::new);
    clusters = ItemClusters.build(
        items.stream().map(CatalogItem::itemId).toList(), List.copyOf(categoryIndex.keySet()), members, random);
    byCluster = new PopularityPicker[clusters.clusterCount()];
    for (int c = 0; c < byCluster.length; c++) {
      byCluster[c] = new PopularityPicker(clusters.members(c), weight);
    }
  }

  CatalogItem item(int item) {
    return items.get(item);
  }

  int categoryCount() {
    return byCategory.length;
  }

  int categoryOf(int item) {
    return categoryOf[item];
  }

  double logPrice(int item) {
    return logPrice[item];
  }

  double minLogPrice() {
    return minLogPrice;
  }

  double maxLogPrice() {
    return maxLogPrice;
  }

  ItemClusters clusters() {
    return clusters;
  }

  int pickInCategory(int category, SplittableRandom random, IntToDoubleFunction appeal) {
    return byCategory[category].pick(random, appeal);
  }

  int pickInCluster(int cluster, SplittableRandom random, IntToDoubleFunction appeal) {
    return byCluster[cluster].pick(random, appeal);
  }

  /** Another item of {@code item}'s cluster, or -1 when the cluster holds nothing else. */
  int pickNeighbour(int item, SplittableRandom random, IntToDoubleFunction appeal) {
    PopularityPicker cluster = byCluster[clusters.clusterOfItem(item)];
    return cluster.size() > 1 ? cluster.pickOther(random, appeal, item) : -1;
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
