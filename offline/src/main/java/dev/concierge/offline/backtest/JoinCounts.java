package dev.concierge.offline.backtest;

/**
 * How the clicks and purchases credited to one arm's decisions found them.
 *
 * @param byId     events whose {@code context.decisionId} named one of the arm's decisions that showed the item
 * @param byWindow events without a decision id that fell within the attribution window of at least one of the
 *     arm's decisions showing the item (an event credits every such decision, but counts once here)
 */
public record JoinCounts(long byId, long byWindow) {}
