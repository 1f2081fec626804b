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

/**
 * The catalog as the simulated shoppers see it: items by index (their position in the catalog),
 * grouped by category and hidden cluster, with a long-tailed popularity, and some categories of
 * consumables that are bought again over time.
 */
final class Assortment {

  /** Price floor for the log scale shoppers judge prices on; keeps free items finite. */
  private static final double MIN_PRICE = 0.01;
  /** Log-normal spread of the consumables' re-buy intervals around the median, item to item. */
  private static final double REBUY_INTERVAL_SPREAD = 0.4;
  private static final long NOT_CONSUMABLE = 0;

  private final List<CatalogItem> items;
  private final List<String> categoryNames;
  private final int[] categoryOf;
  private final int[][] categoryMembers;
  private final double[] logPrice;
  /** Each item's share of popularity-driven picks, Zipf-like over the catalog's popularity order. */
  private final double[] popularity;
  private final double[] cumulativePopularity;
  /** Seconds until a consumable is due again, by item; {@link #NOT_CONSUMABLE} for durable goods. */
  private final long[] rebuySeconds;
  private final ItemClusters clusters;

  Assortment(List<CatalogItem> catalog, ShopperBehaviour behaviour, SplittableRandom random) {
    if (catalog.isEmpty()) {
      throw new IllegalArgumentException("the catalog is empty; shoppers need items to browse");
    }
    items = List.copyOf(catalog);
    categoryOf = new int[items.size()];
    logPrice = new double[items.size()];
    Map<String, Integer> categoryIndex = new LinkedHashMap<>();
    List<List<Integer>> members = new ArrayList<>();
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
        members.add(new ArrayList<>());
      }
      members.get(category).add(i);
      categoryOf[i] = category;
      logPrice[i] = StrictMath.log(Math.max(MIN_PRICE, item.price()));
    }
    categoryNames = List.copyOf(categoryIndex.keySet());
    categoryMembers = members.stream().map(Assortment::toArray).toArray(int[][]::new);
    clusters = ItemClusters.build(
        items.stream().map(CatalogItem::itemId).toList(), categoryNames, Arrays.asList(categoryMembers), random);
    popularity = zipf(items, behaviour.popularityExponent(), random);
    cumulativePopularity = new double[popularity.length];
    double running = 0;
    for (int i = 0; i < popularity.length; i++) {
      running += popularity[i];
      cumulativePopularity[i] = running;
    }
    rebuySeconds = rebuyIntervals(behaviour, random);
  }

  int size() {
    return items.size();
  }

  CatalogItem item(int item) {
    return items.get(item);
  }

  int categoryCount() {
    return categoryMembers.length;
  }

  int categoryOf(int item) {
    return categoryOf[item];
  }

  int[] categoryMembers(int category) {
    return categoryMembers[category];
  }

  double popularity(int item) {
    return popularity[item];
  }

  double[] popularities() {
    return popularity.clone();
  }

  double[] logPrices() {
    return logPrice.clone();
  }

  boolean consumable(int item) {
    return rebuySeconds[item] != NOT_CONSUMABLE;
  }

  /** The categories whose items are consumables, in catalog order. */
  List<String> consumableCategories() {
    List<String> consumables = new ArrayList<>();
    for (int category = 0; category < categoryMembers.length; category++) {
      if (consumable(categoryMembers[category][0])) {
        consumables.add(categoryNames.get(category));
      }
    }
    return consumables;
  }

  /** The consumable's median time until it is due again, in seconds. */
  long rebuySeconds(int item) {
    return rebuySeconds[item];
  }

  ItemClusters clusters() {
    return clusters;
  }

  /** An item drawn in proportion to its popularity alone. */
  int byPopularity(SplittableRandom random) {
    double target = random.nextDouble() * cumulativePopularity[cumulativePopularity.length - 1];
    int found = Arrays.binarySearch(cumulativePopularity, target);
    int slot = found >= 0 ? found + 1 : -found - 1;
    return Math.min(slot, items.size() - 1);
  }

  /**
   * Zipf weights over the catalog's popularity order (ties in random order), normalised to add up
   * to 1: a few items draw most of the traffic and most items a trickle, as real sales do.
   */
  private static double[] zipf(List<CatalogItem> items, double exponent, SplittableRandom random) {
    int[] order = new int[items.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Draws.shuffle(random, order);
    Integer[] byPopularity = Arrays.stream(order).boxed().toArray(Integer[]::new);
    // stable: equally popular items keep their shuffled order
    Arrays.sort(byPopularity, (a, b) -> Double.compare(items.get(b).popularity(), items.get(a).popularity()));
    double[] weight = new double[items.size()];
    double sum = 0;
    for (int rank = 0; rank < byPopularity.length; rank++) {
      double share = 1 / StrictMath.pow(rank + 1, exponent);
      weight[byPopularity[rank]] = share;
      sum += share;
    }
    for (int i = 0; i < weight.length; i++) {
      weight[i] /= sum;
    }
    return weight;
  }

  /** Picks the consumable categories at random, and gives each of their items its own re-buy interval. */
  private long[] rebuyIntervals(ShopperBehaviour behaviour, SplittableRandom random) {
    int[] categories = new int[categoryMembers.length];
    for (int c = 0; c < categories.length; c++) {
      categories[c] = c;
    }
    Draws.shuffle(random, categories);
    int consumables = (int) Math.round(behaviour.consumableCategoryShare() * categories.length);
    long[] seconds = new long[items.size()];
    double median = behaviour.rebuyInterval().toSeconds();
    for (int c = 0; c < consumables; c++) {
      for (int item : categoryMembers[categories[c]]) {
        seconds[item] = Math.max(1, Math.round(Draws.logNormal(random, median, REBUY_INTERVAL_SPREAD)));
      }
    }
    return seconds;
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
