package dev.concierge.models.rules;

/**
 * A cap on how many items of one category may appear near the top of an answer.
 *
 * @param maxPerCategory at most this many items of one category within the window; 0 means no cap
 * @param withinTop      the window: the first this-many positions; 0 means the whole answer (its limit)
 */
public record Diversity(int maxPerCategory, int withinTop) {

  public static final Diversity OFF = new Diversity(0, 0);

  public Diversity {
    requireValidCap(maxPerCategory);
    requireValidWindow(withinTop);
  }

  /** @throws InvalidRuleException unless {@code maxPerCategory} is at least 0 */
  public static int requireValidCap(int maxPerCategory) {
    if (maxPerCategory < 0) {
      throw new InvalidRuleException("max-per-category must be >= 0 (0 = no cap), was " + maxPerCategory);
    }
    return maxPerCategory;
  }

  /** @throws InvalidRuleException unless {@code withinTop} is at least 0 */
  public static int requireValidWindow(int withinTop) {
    if (withinTop < 0) {
      throw new InvalidRuleException("within-top must be >= 0 (0 = the request limit), was " + withinTop);
    }
    return withinTop;
  }

  public boolean isCapped() {
    return maxPerCategory > 0;
  }

  /** How many leading positions of an answer of {@code limit} items the cap applies to. */
  public int window(int limit) {
    return withinTop == 0 ? limit : Math.min(withinTop, limit);
  }
}
