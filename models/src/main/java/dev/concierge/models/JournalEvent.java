package dev.concierge.models;

/**
 * What a customer's journal holds: each event it accepted ({@link EventRecorded}), the history it took
 * over from another customer on a merge ({@link HistoryMerged}), and what its delivery triggers did
 * ({@link TriggerFired}, {@link StockAwaited}).
 */
public sealed interface JournalEvent permits EventRecorded, HistoryMerged, TriggerFired, StockAwaited {}
