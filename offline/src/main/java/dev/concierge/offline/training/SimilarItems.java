package dev.concierge.offline.training;

import dev.concierge.models.recommend.ItemEmbeddings;
import dev.concierge.models.recommend.Neighbour;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the factorisation's item vectors give serving: the vectors scaled to unit length, and each
 * item's nearest items by cosine. The nearest items are found by comparing every pair, which costs
 * items² × factors multiply-adds (a few seconds for 20,000 items with 32 factors).
 */
final class SimilarItems {

  private SimilarItems() {}

  /** The items' vectors at unit length; an item whose vector is zero has none. */
  static ItemEmbeddings unitVectors(ImplicitFactorisation.Factors factors, List<String> names) {
    int k = factors.factors();
    double[] items = factors.items();
    List<String> kept = new ArrayList<>(names.size());
    float[] vectors = new float[names.size() * k];
    int at = 0;
    for (int item = 0; item < names.size(); item++) {
      double norm = 0;
      for (int f = 0; f < k; f++) {
        norm += items[item * k + f] * items[item * k + f];
      }
      if (norm == 0) {
        continue;
      }
      double scale = 1 / Math.sqrt(norm);
      for (int f = 0; f < k; f++) {
        vectors[at++] = (float) (items[item * k + f] * scale);
      }
      kept.add(names.get(item));
    }
    return new ItemEmbeddings(k, kept, Arrays.copyOf(vectors, at));
  }

  /** The {@code perItem} items nearest to each item, by cosine; only positive cosines count. */
  static Map<String, List<Neighbour>> nearest(ItemEmbeddings embeddings, int perItem) {
    int k = embeddings.dimensions();
    float[] vectors = embeddings.vectors();
    TopNeighbours top = new TopNeighbours(perItem);
    for (int a = 0; a < embeddings.size(); a++) {
      for (int b = a + 1; b < embeddings.size(); b++) {
        float cosine = 0;
        for (int f = 0; f < k; f++) {
          cosine += vectors[a * k + f] * vectors[b * k + f];
        }
        top.offer(a, b, cosine);
        top.offer(b, a, cosine);
      }
    }
    return top.toMap(embeddings.items());
  }
}
