package dev.concierge.models.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Item vectors learnt by matrix factorisation of who touched what, scaled to unit length: the dot
 * product of two is their cosine, and the mean of a shopper's items dotted with a candidate is how
 * close the candidate is to the shopper's taste.
 *
 * @param dimensions the length of every vector
 * @param items      the items, in the order of their vectors
 * @param vectors    the vectors one after another, {@code items.size() * dimensions} values
 */
public record ItemEmbeddings(int dimensions, List<String> items, float[] vectors) {

  public static final ItemEmbeddings NONE = new ItemEmbeddings(0, List.of(), new float[0]);

  public ItemEmbeddings {
    items = List.copyOf(items);
    Objects.requireNonNull(vectors, "vectors");
    if (dimensions < 0 || vectors.length != (long) items.size() * dimensions) {
      throw new IllegalArgumentException(
          items.size() + " items of " + dimensions + " dimensions need " + (long) items.size() * dimensions
              + " values, got " + vectors.length);
    }
  }

  public int size() {
    return items.size();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ItemEmbeddings that
        && dimensions == that.dimensions && items.equals(that.items) && Arrays.equals(vectors, that.vectors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimensions, items, Arrays.hashCode(vectors));
  }

  @Override
  public String toString() {
    return "ItemEmbeddings[" + items.size() + " items x " + dimensions + "]";
  }
}
