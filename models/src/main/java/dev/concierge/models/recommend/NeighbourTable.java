package dev.concierge.models.recommend;

import dev.concierge.models.Interner;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One table of item neighbours indexed by item code: per item, its neighbours' codes and weights, strongest first. */
final class NeighbourTable {

  private static final int[] NONE = new int[0];
  private static final float[] NO_WEIGHTS = new float[0];

  private final int[][] codes;
  private final float[][] weights;

  private NeighbourTable(int[][] codes, float[][] weights) {
    this.codes = codes;
    this.weights = weights;
  }

  /** @param size the item codes the table covers: {@code items} must already hold every item of {@code table} */
  static NeighbourTable of(Map<String, List<Neighbour>> table, Interner items, int size) {
    int[][] codes = new int[size][];
    float[][] weights = new float[size][];
    table.forEach(
        (itemId, neighbours) -> {
          int code = items.codeOf(itemId);
          int[] neighbourCodes = new int[neighbours.size()];
          float[] neighbourWeights = new float[neighbours.size()];
          int kept = 0;
          for (Neighbour neighbour : neighbours) {
            int neighbourCode = items.intern(neighbour.itemId());
            if (neighbourCode != Interner.UNKNOWN && neighbourCode < size) {
              neighbourCodes[kept] = neighbourCode;
              neighbourWeights[kept++] = neighbour.weight();
            }
          }
          if (code != Interner.UNKNOWN && code < size) {
            codes[code] = Arrays.copyOf(neighbourCodes, kept);
            weights[code] = Arrays.copyOf(neighbourWeights, kept);
          }
        });
    return new NeighbourTable(codes, weights);
  }

  int[] of(int item) {
    return item >= 0 && item < codes.length && codes[item] != null ? codes[item] : NONE;
  }

  float[] weightsOf(int item) {
    return item >= 0 && item < weights.length && weights[item] != null ? weights[item] : NO_WEIGHTS;
  }
}
