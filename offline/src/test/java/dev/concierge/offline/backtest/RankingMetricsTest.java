package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static final double EXACT = 1e-12;
  private static final Instant DAY_ONE = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant DAY_TWO = Instant.parse("2026-11-02T23:59:59Z");
  private static final int CATALOG_SIZE = 10;

  private final RankingMetrics metrics = new RankingMetrics(3, Duration.ofDays(1));

  @Test
  void hitRateNdcgAndMrrFollowTheRankOfTheOneRelevantItem() {
    metrics.record(DAY_ONE, List.of("a", "b", "c"), "a", 100);
    metrics.record(DAY_ONE, List.of("a", "b", "c"), "c", 100);
    metrics.record(DAY_TWO, List.of("a", "b", "c"), "z", 100);
    metrics.record(DAY_TWO, List.of("d", "e"), "e", 100);

    RankQuality quality = snapshot(CATALOG_SIZE).quality();

    assertEquals(4, quality.cases());
    assertEquals(1 / 4.0, quality.hitRate(1), EXACT);
    assertEquals(2 / 4.0, quality.hitRate(2), EXACT);
    assertEquals(3 / 4.0, quality.hitRate(3), EXACT);
    assertEquals(1 / 4.0, quality.ndcg(1), EXACT);
    assertEquals((1 + 1 / log2(3)) / 4, quality.ndcg(2), EXACT);
    assertEquals((1 + 1 / log2(3) + 1 / log2(4)) / 4, quality.ndcg(3), EXACT);
    assertEquals((1 + 1 / 3.0 + 0 + 1 / 2.0) / 4, quality.mrr(), EXACT);
  }

  @Test
  void onlyTheFirstMaxKItemsCountForHitsAndCoverage() {
    metrics.record(DAY_ONE, List.of("a", "b", "c", "d"), "d", 100);

    ModelMetrics snapshot = snapshot(CATALOG_SIZE);

    assertEquals(0, snapshot.quality().hitRate(3), EXACT);
    assertEquals(0, snapshot.quality().mrr(), EXACT);
    assertEquals(3.0 / CATALOG_SIZE, snapshot.coverage(3), EXACT);
  }

  @Test
  void coverageAtKCountsTheItemsThatEverReachedTheTopK() {
    metrics.record(DAY_ONE, List.of("a", "b", "c"), "a", 100);
    metrics.record(DAY_ONE, List.of("b", "d", "a"), "a", 100);

    ModelMetrics snapshot = snapshot(CATALOG_SIZE);

    assertEquals(List.of(2.0 / CATALOG_SIZE, 3.0 / CATALOG_SIZE, 4.0 / CATALOG_SIZE), snapshot.coverageAt());
  }

  @Test
  void casesFallIntoTheDayTheyHappenedOn() {
    metrics.record(DAY_ONE, List.of("a"), "a", 100);
    metrics.record(DAY_TWO, List.of("a"), "b", 100);
    metrics.record(DAY_TWO, List.of("a"), "a", 100);

    List<TimeBucket> overTime = snapshot(CATALOG_SIZE).overTime();

    assertEquals(2, overTime.size());
    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), overTime.get(0).start());
    assertEquals(1.0, overTime.get(0).quality().hitRate(1), EXACT);
    assertEquals(Instant.parse("2026-11-02T00:00:00Z"), overTime.get(1).start());
    assertEquals(2, overTime.get(1).quality().cases());
    assertEquals(0.5, overTime.get(1).quality().hitRate(1), EXACT);
  }

  @Test
  void latencyIsSummarisedPerDecision() {
    metrics.record(DAY_ONE, List.of("a"), "a", 10);
    metrics.record(DAY_ONE, List.of("a"), "a", 20);

    LatencySummary latency = snapshot(CATALOG_SIZE).latency();

    assertEquals(2, latency.decisions());
    assertEquals(10, latency.p50());
    assertEquals(20, latency.max());
    assertEquals(2 / 30e-9, latency.decisionsPerSecond(), 1e-3);
  }

  @Test
  void noCasesMeansZeroRatherThanNaN() {
    ModelMetrics snapshot = snapshot(0);

    assertEquals(0, snapshot.quality().hitRate(3));
    assertEquals(0, snapshot.quality().mrr());
    assertEquals(0, snapshot.coverage(3));
    assertEquals(0, snapshot.latency().decisionsPerSecond());
  }

  @Test
  void eachCaseIsAHitWithinKWhenItsItemRankedAtKOrBetter() {
    metrics.record(DAY_ONE, List.of("a", "b", "c"), "b", 100);
    metrics.record(DAY_ONE, List.of("a", "b", "c"), "z", 100);
    metrics.record(DAY_TWO, List.of("a", "b", "c"), "a", 100);

    assertEquals(BitSet.valueOf(new long[] {0b100}), metrics.hitsWithin(1));
    assertEquals(BitSet.valueOf(new long[] {0b101}), metrics.hitsWithin(2));
    assertEquals(BitSet.valueOf(new long[] {0b101}), metrics.hitsWithin(3));
  }

  @Test
  void theCaseRanksOutgrowTheirFirstArray() {
    int cases = 5_000;
    for (int i = 0; i < cases; i++) {
      metrics.record(DAY_ONE, List.of("a", "b"), i % 2 == 0 ? "a" : "z", 100);
    }

    BitSet hits = metrics.hitsWithin(1);
    assertEquals(cases / 2, hits.cardinality());
    assertTrue(hits.get(cases - 2) && !hits.get(cases - 1));
  }

  private ModelMetrics snapshot(int catalogSize) {
    return metrics.snapshot("m", DAY_ONE, catalogSize, new Interval(0, 0, 0), List.of());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
