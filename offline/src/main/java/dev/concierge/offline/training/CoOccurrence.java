package dev.concierge.offline.training;

import dev.concierge.models.recommend.Neighbour;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item-to-item co-occurrence across each customer's whole history, not only within sessions: each
 * item a customer touches pairs with the distinct items they touched just before it, at most
 * {@code windowItems} back and no longer than {@code window} ago. Touching an item already in the
 * window only brings it to the front: the pairs it forms were counted when it came in.
 *
 * <p>Weights are damped by popularity, a cosine with shrinkage: together / (sqrt(n_i * n_j) + shrinkage),
 * where n counts how often an item came into a window, so an item everyone touches is not everybody's
 * neighbour and a pair seen once between two rare items does not outweigh a pattern seen often.
 */
public final class CoOccurrence {

  /**
   * @param windowItems       distinct earlier items of the same customer an item pairs with
   * @param window            how far back an earlier item still pairs
   * @param shrinkage         added to the cosine's denominator: pulls rarely seen pairs toward 0
   */
  public record Settings(int windowItems, Duration window, double shrinkage) {

    public Settings {
      if (windowItems < 1 || shrinkage < 0 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "the co-occurrence window needs at least one item and a positive duration, and shrinkage at least 0");
      }
    }
  }

  private final Settings settings;
  private final Map<String, Window> windows = new HashMap<>();
  private final PairTally together = new PairTally();
  private int[] entries = new int[0];

  CoOccurrence(Settings settings) {
    this.settings = settings;
  }

  /** One event's item (as a code of the caller's) for one customer; a customer's events come in time order. */
  void add(String customerId, int item, long atMillis) {
    Window window = windows.computeIfAbsent(customerId, c -> new Window(settings.windowItems()));
    if (window.bringToFront(item, atMillis)) {
      return;
    }
    long oldest = atMillis - settings.window().toMillis();
    for (int i = 0; i < window.size; i++) {
      if (window.times[i] >= oldest) {
        int other = window.items[i];
        together.add(Math.min(item, other), Math.max(item, other), 1);
      }
    }
    countEntry(item);
    window.push(item, atMillis);
  }

  /** The {@code perItem} strongest neighbours of every item, by name. */
  Map<String, List<Neighbour>> neighbours(List<String> names, int perItem) {
    TopNeighbours top = new TopNeighbours(perItem);
    together.forEach((first, second, count) -> {
      float weight = (float) (count / (Math.sqrt((double) entries[first] * entries[second]) + settings.shrinkage()));
      top.offer(first, second, weight);
      top.offer(second, first, weight);
    });
    return top.toMap(names);
  }

  private void countEntry(int item) {
    if (item >= entries.length) {
      entries = Arrays.copyOf(entries, Math.max(item + 1, entries.length * 2));
    }
    entries[item]++;
  }

  /** A customer's latest distinct items, most recent first, with when each was last touched. */
  private static final class Window {
    private final int[] items;
    private final long[] times;
    private int size;

    Window(int capacity) {
      items = new int[capacity];
      times = new long[capacity];
    }

    /** Moves {@code item} to the front with its new time; false when the window does not hold it. */
    boolean bringToFront(int item, long atMillis) {
      for (int i = 0; i < size; i++) {
        if (items[i] == item) {
          System.arraycopy(items, 0, items, 1, i);
          System.arraycopy(times, 0, times, 1, i);
          items[0] = item;
          times[0] = atMillis;
          return true;
        }
      }
      return false;
    }

    void push(int item, long atMillis) {
      int kept = Math.min(size, items.length - 1);
      System.arraycopy(items, 0, items, 1, kept);
      System.arraycopy(times, 0, times, 1, kept);
      items[0] = item;
      times[0] = atMillis;
      size = kept + 1;
    }
  }
}
