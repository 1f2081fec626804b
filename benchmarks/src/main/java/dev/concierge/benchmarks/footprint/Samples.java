package dev.concierge.benchmarks.footprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values one quantity took over the runs, and their median. */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  double median() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The values in run order, with one decimal. */
  String list() {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", "));
  }
}
