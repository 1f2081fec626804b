package dev.concierge.models;

/**
 * What a customer's journal holds: each event it accepted ({@link EventRecorded}), and the history it
 * took over from another customer on a merge ({@link HistoryMerged}).
 */
public sealed interface JournalEvent permits EventRecorded, HistoryMerged {}
