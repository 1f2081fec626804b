package dev.concierge.offline.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The hidden "related items" structure shoppers browse along, and the ground truth against which
 * learned co-view tables can be checked. Each category's items are split at random into clusters
 * of about {@value #CLUSTER_SIZE}; each cluster is linked to a cluster of the complementary
 * category (see {@link CategoryComplements}).
 */
public final class ItemClusters {

  /** Small enough that co-views within a cluster are telling, big enough to browse. */
  static final int CLUSTER_SIZE = 7;
  private static final int NO_COMPLEMENT = -1;

  private final List<String> itemIds;
  private final Map<String, Integer> indexOfItem;
  private final int[] clusterOfItem;
  private final int[][] members;
  private final int[] complement;

  private ItemClusters(List<String> itemIds, int[] clusterOfItem, int[][] members, int[] complement) {
    this.itemIds = List.copyOf(itemIds);
    this.indexOfItem = new HashMap<>();
    for (int i = 0; i < itemIds.size(); i++) {
      indexOfItem.put(itemIds.get(i), i);
    }
    this.clusterOfItem = clusterOfItem;
    this.members = members;
    this.complement = complement;
  }

  /**
   * @param itemIds         every item, by catalog index
   * @param categoryNames   the categories, by category index
   * @param categoryMembers each category's catalog indexes, by category index
   */
  static ItemClusters build(
      List<String> itemIds, List<String> categoryNames, List<int[]> categoryMembers, SplittableRandom random) {
    int[] clusterOfItem = new int[itemIds.size()];
    List<int[]> members = new ArrayList<>();
    List<List<Integer>> clustersOfCategory = new ArrayList<>();
    for (int[] category : categoryMembers) {
      int[] shuffled = category.clone();
      Draws.shuffle(random, shuffled);
      int count = Math.max(1, (int) Math.round((double) shuffled.length / CLUSTER_SIZE));
      List<Integer> clusters = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        int[] cluster = Arrays.copyOfRange(shuffled, c * shuffled.length / count, (c + 1) * shuffled.length / count);
        for (int item : cluster) {
          clusterOfItem[item] = members.size();
        }
        clusters.add(members.size());
        members.add(cluster);
      }
      clustersOfCategory.add(clusters);
    }
    int[] complement = new int[members.size()];
    Arrays.fill(complement, NO_COMPLEMENT);
    Map<String, String> partners = CategoryComplements.pair(categoryNames);
    for (int category = 0; category < categoryNames.size(); category++) {
      String partner = partners.get(categoryNames.get(category));
      if (partner != null) {
        List<Integer> own = clustersOfCategory.get(category);
        List<Integer> theirs = clustersOfCategory.get(categoryNames.indexOf(partner));
        for (int i = 0; i < own.size(); i++) {
          complement[own.get(i)] = theirs.get(i % theirs.size());
        }
      }
    }
    return new ItemClusters(itemIds, clusterOfItem, members.toArray(int[][]::new), complement);
  }

  public int clusterCount() {
    return members.length;
  }

  /** The hidden cluster of a catalog item. */
  public int clusterOf(String itemId) {
    Integer index = indexOfItem.get(itemId);
    if (index == null) {
      throw new IllegalArgumentException("'" + itemId + "' is not in the simulated catalog");
    }
    return clusterOfItem[index];
  }

  public List<String> itemsIn(int cluster) {
    List<String> items = new ArrayList<>(members[cluster].length);
    for (int item : members[cluster]) {
      items.add(itemIds.get(item));
    }
    return items;
  }

  /** The cluster of the complementary category that shoppers of {@code cluster} hop to, if any. */
  public OptionalInt complementOf(int cluster) {
    int other = complement[cluster];
    return other == NO_COMPLEMENT ? OptionalInt.empty() : OptionalInt.of(other);
  }

  int clusterOfItem(int item) {
    return clusterOfItem[item];
  }

  int[] members(int cluster) {
    return members[cluster];
  }

  boolean hasComplement(int cluster) {
    return complement[cluster] != NO_COMPLEMENT;
  }

  int complement(int cluster) {
    return complement[cluster];
  }
}
