package dev.concierge.offline.backtest;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap over a backtest's test cases: draws the cases again with replacement, as
 * many as there were, and counts each model's hits in every such resample. One resample serves every
 * model at once, so comparing two models is paired (both are judged on the very same drawn cases) and
 * their shared luck cancels out of the ratio. The 95% interval is the middle 95% of the resampled values.
 *
 * <p>The cases of one shopper are not independent, so the intervals are, if anything, too narrow.
 */
public final class Bootstrap {

  /**
   * @param resamples how many times the cases are drawn again; more narrows the Monte Carlo error of the
   *     interval's ends, not the interval
   * @param seed      the same seed and cases give the same intervals
   */
  public record Settings(int resamples, long seed) {

    public Settings {
      if (resamples < 1) {
        throw new IllegalArgumentException("resamples must be at least 1, was " + resamples);
      }
    }
  }

  /** The confidence of every interval. */
  public static final double CONFIDENCE = 0.95;

  private static final double LOW_QUANTILE = (1 - CONFIDENCE) / 2;
  private static final double HIGH_QUANTILE = 1 - LOW_QUANTILE;

  private final int cases;
  private final long[] hits;
  // per model, its hits in each resample
  private final long[][] resampledHits;

  private Bootstrap(int cases, long[] hits, long[][] resampledHits) {
    this.cases = cases;
    this.hits = hits;
    this.resampledHits = resampledHits;
  }

  /**
   * @param hitsPerModel per model, bit i set when it hit case i
   * @param cases        how many cases were judged: bits at or past it are ignored
   */
  public static Bootstrap of(List<BitSet> hitsPerModel, int cases, Settings settings) {
    int models = hitsPerModel.size();
    long[] hits = new long[models];
    // only the cases some model hit need looking at: they are numbered 0..hitCases-1, the rest miss for all
    BitSet anyHit = new BitSet(cases);
    for (int m = 0; m < models; m++) {
      BitSet modelHits = hitsPerModel.get(m).get(0, cases);
      hits[m] = modelHits.cardinality();
      anyHit.or(modelHits);
    }
    boolean[][] hitRows = new boolean[anyHit.cardinality()][models];
    int row = 0;
    for (int i = anyHit.nextSetBit(0); i >= 0; i = anyHit.nextSetBit(i + 1)) {
      for (int m = 0; m < models; m++) {
        hitRows[row][m] = hitsPerModel.get(m).get(i);
      }
      row++;
    }
    long[][] resampledHits = new long[models][settings.resamples()];
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (int r = 0; cases > 0 && r < settings.resamples(); r++) {
      for (int draw = 0; draw < cases; draw++) {
        int drawn = random.nextInt(cases);
        if (drawn < hitRows.length) {
          boolean[] hitBy = hitRows[drawn];
          for (int m = 0; m < models; m++) {
            resampledHits[m][r] += hitBy[m] ? 1 : 0;
          }
        }
      }
    }
    return new Bootstrap(cases, hits, resampledHits);
  }

  /** The model's hit rate with its interval; 0 throughout when there were no cases. */
  public Interval hitRate(int model) {
    if (cases == 0) {
      return new Interval(0, 0, 0);
    }
    double[] rates = new double[resampledHits[model].length];
    for (int r = 0; r < rates.length; r++) {
      rates[r] = (double) resampledHits[model][r] / cases;
    }
    return interval((double) hits[model] / cases, rates);
  }

  /**
   * The model's hits over the baseline's with its paired interval, or {@code null} when the baseline hit
   * no case. In a resample where the baseline hit nothing the ratio is 1 if the model did not either, and
   * unbounded if it did.
   */
  public Interval ratio(int model, int baseline) {
    if (hits[baseline] == 0) {
      return null;
    }
    long[] modelHits = resampledHits[model];
    long[] baselineHits = resampledHits[baseline];
    double[] ratios = new double[modelHits.length];
    for (int r = 0; r < ratios.length; r++) {
      if (baselineHits[r] > 0) {
        ratios[r] = (double) modelHits[r] / baselineHits[r];
      } else {
        ratios[r] = modelHits[r] == 0 ? 1 : Double.POSITIVE_INFINITY;
      }
    }
    return interval((double) hits[model] / hits[baseline], ratios);
  }

  private static Interval interval(double estimate, double[] resampled) {
    Arrays.sort(resampled);
    return new Interval(estimate, quantile(resampled, LOW_QUANTILE), quantile(resampled, HIGH_QUANTILE));
  }

  /** The nearest-rank quantile of sorted values. */
  private static double quantile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }
}
