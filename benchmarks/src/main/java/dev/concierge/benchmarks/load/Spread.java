package dev.concierge.benchmarks.load;

import java.util.List;
import java.util.Locale;

/** The median of repeated measurements, with their minimum and maximum. */
public record Spread(double median, double min, double max, int runs) {

  public static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no measurements");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return new Spread(median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
  }

  /** {@code 1.23 (1.10–1.40)}, or just the value for a single run. */
  public String format(String pattern) {
    String value = String.format(Locale.ROOT, pattern, median);
    return runs == 1 ? value
        : value + " (" + String.format(Locale.ROOT, pattern, min) + "–" + String.format(Locale.ROOT, pattern, max) + ")";
  }
}
