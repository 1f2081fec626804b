package dev.concierge.offline.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static final Bootstrap.Settings SETTINGS = new Bootstrap.Settings(1000, 1);

  @Property(tries = 50)
  void theHitRateIntervalContainsThePointEstimate(
      @ForAll @IntRange(min = 1, max = 2000) int cases, @ForAll @DoubleRange(min = 0, max = 1) double rate,
      @ForAll long seed) {
    BitSet hits = hits(cases, rate, new SplittableRandom(seed));

    Interval interval = Bootstrap.of(List.of(hits), cases, new Bootstrap.Settings(200, seed)).hitRate(0);

    assertEquals((double) hits.cardinality() / cases, interval.estimate(), 1e-12);
    assertTrue(interval.contains(interval.estimate()), interval.toString());
    assertTrue(interval.low() >= 0 && interval.high() <= 1, interval.toString());
  }

  @Test
  void theIntervalNarrowsAsTheCasesGrow() {
    SplittableRandom random = new SplittableRandom(3);
    Interval few = Bootstrap.of(List.of(hits(100, 0.2, random)), 100, SETTINGS).hitRate(0);
    Interval many = Bootstrap.of(List.of(hits(10_000, 0.2, random)), 10_000, SETTINGS).hitRate(0);

    // the width shrinks as one over the square root of the cases: a hundred times the cases, a tenth the width
    assertTrue(many.width() < few.width() / 5, few + " then " + many);
    assertTrue(many.width() > 0);
  }

  @Test
  void aModelIdenticalToTheBaselineHasLiftOneWithAnIntervalAroundOne() {
    BitSet baseline = hits(1000, 0.1, new SplittableRandom(5));

    Interval lift = Bootstrap.of(List.of((BitSet) baseline.clone(), baseline), 1000, SETTINGS).ratio(0, 1);

    assertEquals(1.0, lift.estimate(), 1e-12);
    assertTrue(lift.contains(1.0), lift.toString());
  }

  @Test
  void aClearlyBetterModelsLiftIntervalLiesAboveOne() {
    int cases = 2000;
    BitSet baseline = hits(cases, 0.1, new SplittableRandom(7));
    BitSet better = (BitSet) baseline.clone();
    better.or(hits(cases, 0.1, new SplittableRandom(8)));

    Interval lift = Bootstrap.of(List.of(better, baseline), cases, SETTINGS).ratio(0, 1);

    assertTrue(lift.estimate() > 1.7, lift.toString());
    assertTrue(lift.low() > 1, lift.toString());
  }

  @Test
  void twoModelsOfTheSameSkillAreNotCalledApart() {
    int cases = 1000;
    BitSet one = hits(cases, 0.1, new SplittableRandom(11));
    BitSet other = hits(cases, 0.1, new SplittableRandom(12));

    Interval lift = Bootstrap.of(List.of(one, other), cases, SETTINGS).ratio(0, 1);

    assertTrue(lift.contains(1.0), "a chance difference is within the interval: " + lift);
  }

  @Test
  void theLiftIsUndefinedOverABaselineThatHitNothing() {
    Bootstrap bootstrap = Bootstrap.of(List.of(hits(100, 0.3, new SplittableRandom(1)), new BitSet()), 100, SETTINGS);

    assertNull(bootstrap.ratio(0, 1));
    assertEquals(new Interval(0, 0, 0), bootstrap.hitRate(1));
  }

  @Test
  void resamplesThatLeaveTheBaselineWithoutHitsMakeTheUpperEndUnbounded() {
    BitSet baseline = new BitSet();
    baseline.set(0);
    BitSet model = new BitSet();
    model.set(1, 10);

    Interval lift = Bootstrap.of(List.of(model, baseline), 20, SETTINGS).ratio(0, 1);

    assertEquals(9.0, lift.estimate(), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, lift.high());
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    List<BitSet> hits = List.of(hits(500, 0.3, new SplittableRandom(2)), hits(500, 0.2, new SplittableRandom(4)));

    Bootstrap first = Bootstrap.of(hits, 500, SETTINGS);
    Bootstrap again = Bootstrap.of(hits, 500, SETTINGS);
    Bootstrap reseeded = Bootstrap.of(hits, 500, new Bootstrap.Settings(1000, 2));

    assertEquals(first.hitRate(0), again.hitRate(0));
    assertEquals(first.ratio(0, 1), again.ratio(0, 1));
    assertTrue(!first.ratio(0, 1).equals(reseeded.ratio(0, 1)) || !first.hitRate(0).equals(reseeded.hitRate(0)));
  }

  @Test
  void withoutCasesEveryRateIsZero() {
    assertEquals(new Interval(0, 0, 0), Bootstrap.of(List.of(new BitSet()), 0, SETTINGS).hitRate(0));
  }

  private static BitSet hits(int cases, double rate, SplittableRandom random) {
    BitSet hits = new BitSet(cases);
    for (int i = 0; i < cases; i++) {
      if (random.nextDouble() < rate) {
        hits.set(i);
      }
    }
    return hits;
  }
}
