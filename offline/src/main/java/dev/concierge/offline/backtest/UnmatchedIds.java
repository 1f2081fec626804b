package dev.concierge.offline.backtest;

/**
 * Clicks and purchases that named a decision they could not be joined to. They are credited to no decision
 * and do not fall back to the attribution window: the event says which decision it came from, so crediting
 * another one would count a decision the shopper did not act on.
 *
 * @param unknownDecision events whose decision id names no logged decision (the log dropped it, or the
 *     decisions read cover a shorter time than the events)
 * @param itemNotShown    events whose decision id names a logged decision that did not show their item
 */
public record UnmatchedIds(long unknownDecision, long itemNotShown) {

  public long total() {
    return unknownDecision + itemNotShown;
  }
}
