package dev.concierge.models.recommend;

import dev.concierge.models.CatalogItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidates of one decision with their item codes, which generation already knows: scoring reads
 * a candidate's features by code, so it need not look every candidate up again by name.
 */
final class Candidates {

  private final List<CatalogItem> items;
  private int[] codes;
  private int[] categories;

  Candidates(int expected) {
    items = new ArrayList<>(expected);
    codes = new int[expected];
    categories = new int[expected];
  }

  /** @param category the item's category code, {@link dev.concierge.models.Interner#UNKNOWN} if none */
  void add(CatalogItem item, int code, int category) {
    if (items.size() == codes.length) {
      codes = Arrays.copyOf(codes, Math.max(1, codes.length * 2));
      categories = Arrays.copyOf(categories, codes.length);
    }
    codes[items.size()] = code;
    categories[items.size()] = category;
    items.add(item);
  }

  /** Empties it for the next decision, keeping its room. */
  void clear() {
    items.clear();
  }

  int size() {
    return items.size();
  }

  CatalogItem item(int index) {
    return items.get(index);
  }

  int code(int index) {
    return codes[index];
  }

  int category(int index) {
    return categories[index];
  }

  boolean contains(CatalogItem item) {
    return items.contains(item);
  }

  /** The items alone, in order, for callers that need no codes; a copy, free to change. */
  List<CatalogItem> items() {
    return new ArrayList<>(items);
  }
}
