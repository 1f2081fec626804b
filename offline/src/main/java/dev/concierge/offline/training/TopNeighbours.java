package dev.concierge.offline.training;

import dev.concierge.models.recommend.Neighbour;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strongest neighbours of every item, at most {@code perItem} each, kept while pairs are offered
 * in any order: memory grows with items times {@code perItem}, not with pairs. Ties are broken by the
 * smaller code, so the same offers give the same lists whatever their order.
 */
final class TopNeighbours {

  private final int perItem;
  private int[][] codes = new int[0][];
  private float[][] weights = new float[0][];
  private int[] sizes = new int[0];

  TopNeighbours(int perItem) {
    this.perItem = perItem;
  }

  /** Offers {@code neighbour} as a neighbour of {@code item}; weights of 0 or less are not kept. */
  void offer(int item, int neighbour, float weight) {
    if (weight <= 0 || perItem <= 0) {
      return;
    }
    ensure(item);
    int[] itemCodes = codes[item];
    float[] itemWeights = weights[item];
    int size = sizes[item];
    if (size == perItem && !stronger(weight, neighbour, itemWeights[size - 1], itemCodes[size - 1])) {
      return;
    }
    int at = size == perItem ? size - 1 : size;
    while (at > 0 && stronger(weight, neighbour, itemWeights[at - 1], itemCodes[at - 1])) {
      itemWeights[at] = itemWeights[at - 1];
      itemCodes[at] = itemCodes[at - 1];
      at--;
    }
    itemWeights[at] = weight;
    itemCodes[at] = neighbour;
    sizes[item] = Math.min(perItem, size + 1);
  }

  /** The lists by item name, each sorted by weight, then by name, as bundles store them. */
  Map<String, List<Neighbour>> toMap(List<String> names) {
    Map<String, List<Neighbour>> table = new HashMap<>();
    for (int item = 0; item < sizes.length; item++) {
      if (sizes[item] == 0) {
        continue;
      }
      List<Neighbour> list = new ArrayList<>(sizes[item]);
      for (int i = 0; i < sizes[item]; i++) {
        list.add(new Neighbour(names.get(codes[item][i]), weights[item][i]));
      }
      list.sort((a, b) -> {
        int byWeight = Float.compare(b.weight(), a.weight());
        return byWeight != 0 ? byWeight : a.itemId().compareTo(b.itemId());
      });
      table.put(names.get(item), List.copyOf(list));
    }
    return table;
  }

  private static boolean stronger(float weight, int code, float otherWeight, int otherCode) {
    return weight > otherWeight || (weight == otherWeight && code < otherCode);
  }

  private void ensure(int item) {
    if (item >= sizes.length) {
      int capacity = Math.max(item + 1, sizes.length * 2);
      codes = Arrays.copyOf(codes, capacity);
      weights = Arrays.copyOf(weights, capacity);
      sizes = Arrays.copyOf(sizes, capacity);
    }
    if (codes[item] == null) {
      codes[item] = new int[perItem];
      weights[item] = new float[perItem];
    }
  }
}
