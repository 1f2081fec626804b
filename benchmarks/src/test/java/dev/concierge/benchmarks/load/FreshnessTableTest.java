package dev.concierge.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FreshnessTableTest {

  private static final List<Target> TARGETS =
      List.of(new Target("ours", URI.create("http://127.0.0.1:1")), new Target("redis", URI.create("http://127.0.0.1:2")));

  @Test
  void eachTargetShowsItsMedianOverTheRunsAndTheMedianOfItsRatiosWithinARun() {
    // run 2 is slow for both: the ratio within each run is 2, whatever the run's level
    List<FreshnessProbe.Result> runs = List.of(result(10, 20), result(30, 60), result(12, 24));

    String table = FreshnessBenchmark.table(TARGETS, runs);

    assertTrue(table.contains("| ours | 3 | 100 (100–100) | 0 (0–0) | 12.0 (10.0–30.0) |"), table);
    assertTrue(table.contains("| redis | 3 | 100 (100–100) | 0 (0–0) | 24.0 (20.0–60.0) |"), table);
    assertTrue(table.contains("| 2.00× (2.00×–2.00×) | 2.00× (2.00×–2.00×) |"), table);
    assertTrue(table.contains("| 2 | redis | 100 | 0 | 60.0 | 60.0 | 60.0 |"), table);
  }

  /** A run where every sample of ours took {@code oursMillis} and of redis {@code redisMillis}. */
  private static FreshnessProbe.Result result(int oursMillis, int redisMillis) {
    return new FreshnessProbe.Result(
        Map.of("ours", constant(oursMillis), "redis", constant(redisMillis)), Map.of("ours", 0, "redis", 0));
  }

  private static Histogram constant(int millis) {
    Histogram histogram = new Histogram(60_000_000L, 3);
    histogram.recordValueWithCount(millis * 1_000L, 100);
    return histogram;
  }
}
