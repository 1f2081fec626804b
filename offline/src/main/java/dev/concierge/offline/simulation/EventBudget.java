package dev.concierge.offline.simulation;

/** Splits the run's exact number of events over the shoppers, in proportion to their activity. */
final class EventBudget {

  private EventBudget() {}

  /**
   * Shares of {@code total} proportional to {@code weights} that add up to exactly {@code total}:
   * each share is the difference of the rounded running totals, so rounding never loses an event.
   */
  static long[] split(long total, double[] weights) {
    double sum = 0;
    for (double weight : weights) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got " + weight);
      }
      sum += weight;
    }
    long[] shares = new long[weights.length];
    if (weights.length == 0 || total == 0) {
      return shares;
    }
    if (sum == 0) {
      throw new IllegalArgumentException("at least one weight must be positive to place " + total + " events");
    }
    double running = 0;
    long allocated = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i];
      long upTo = i == weights.length - 1 ? total : Math.round(total * (running / sum));
      shares[i] = upTo - allocated;
      allocated += shares[i];
    }
    return shares;
  }
}
