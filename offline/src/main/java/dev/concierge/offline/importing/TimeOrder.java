package dev.concierge.offline.importing;

/** The order of rows by time, rows of the same time in their file order: a stable sort of row numbers. */
final class TimeOrder {

  private TimeOrder() {}

  /** Row numbers 0 to {@code rows - 1}, ordered by {@code millis}, ties in row order. */
  static int[] of(long[] millis, int rows) {
    int[] order = new int[rows];
    boolean sorted = true;
    for (int i = 0; i < rows; i++) {
      order[i] = i;
      sorted &= i == 0 || millis[i - 1] <= millis[i];
    }
    if (sorted) {
      return order;
    }
    // bottom-up merge sort of primitive row numbers: stable, and no boxing of millions of rows
    int[] merged = new int[rows];
    for (int width = 1; width < rows; width *= 2) {
      for (int low = 0; low < rows; low += 2 * width) {
        merge(millis, order, merged, low, Math.min(low + width, rows), Math.min(low + 2 * width, rows));
      }
      int[] swap = order;
      order = merged;
      merged = swap;
    }
    return order;
  }

  private static void merge(long[] millis, int[] from, int[] to, int low, int middle, int high) {
    int left = low;
    int right = middle;
    for (int i = low; i < high; i++) {
      if (left < middle && (right >= high || millis[from[left]] <= millis[from[right]])) {
        to[i] = from[left++];
      } else {
        to[i] = from[right++];
      }
    }
  }
}
