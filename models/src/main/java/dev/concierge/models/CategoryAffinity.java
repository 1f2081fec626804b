package dev.concierge.models;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recency-weighted interest per category, as {@link FeatureState} computed it: scores decay
 * exponentially with the configured half-life; they are stored as of {@code asOf} and only ever read
 * as shares of their total, so reading needs no clock and gives the same answer online and in replay.
 *
 * @param scores decayed interest per category, as of {@code asOf}
 * @param asOf   timestamp of the newest event folded in, or {@code null} before the first one
 */
public record CategoryAffinity(Map<String, Double> scores, Instant asOf) {

  public static final CategoryAffinity NONE = new CategoryAffinity(Map.of(), null);

  // ties by name: map iteration order differs between JVMs, and replay must match the live node
  private static final Comparator<Map.Entry<String, Double>> STRONGEST_FIRST =
      Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  public CategoryAffinity {
    scores = Map.copyOf(scores);
  }

  /** This category's share of all interest, in [0, 1]. */
  public double share(String category) {
    Double score = scores.get(category);
    if (score == null) {
      return 0;
    }
    double total = total();
    return total <= 0 ? 0 : score / total;
  }

  /** Every category's share, strongest first. */
  public Map<String, Double> shares() {
    double total = total();
    Map<String, Double> shares = new LinkedHashMap<>();
    scores.entrySet().stream()
        .sorted(STRONGEST_FIRST)
        .forEach(e -> shares.put(e.getKey(), total <= 0 ? 0 : e.getValue() / total));
    return shares;
  }

  private double total() {
    double total = 0;
    for (double score : scores.values()) {
      total += score;
    }
    return total;
  }
}
