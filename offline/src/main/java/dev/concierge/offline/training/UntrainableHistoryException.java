package dev.concierge.offline.training;

/**
 * A history that cannot train a model, with what it lacks, so that a tool can say what to pass. The
 * message gives the facts (counts and times); it names no command-line option.
 */
public final class UntrainableHistoryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** What the history lacks. */
  public enum Missing {
    /** No event before the end of training. */
    EVENTS,
    /** No click or purchase in the part of the history that gives the labels. */
    LABELS,
    /** Clicks and purchases, but none of an item the catalog holds. */
    CATALOGUED_ITEMS,
    /** Clicks and purchases of catalogued items, but none the recommender would have offered at that moment. */
    CANDIDATES,
    /** Clicks and purchases, but no other candidate at those moments to sample as a negative. */
    NEGATIVES,
    /** Positive or negative rows, but none of them with a non-zero feature. */
    FEATURES
  }

  private final Missing missing;

  public UntrainableHistoryException(Missing missing, String message) {
    super(message);
    this.missing = missing;
  }

  public Missing missing() {
    return missing;
  }
}
